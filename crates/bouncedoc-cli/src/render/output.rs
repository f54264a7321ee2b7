//! The standard output of the commands that write records (`parse`, `logs`): JSON lines,
//! CSV with a header row, or the explain layout for a person; buffered, flushed by
//! [`Output::flush`].

use std::io::{BufWriter, Stdout, Write};

use anyhow::Result;

use crate::cli::ParseFormat;

/// Where records go, in one of the formats.
pub enum Output {
    /// One JSON object per line.
    Jsonl(BufWriter<Stdout>),
    /// CSV, its header row written.
    Csv(Box<csv::Writer<BufWriter<Stdout>>>),
    /// The explain layout (coloured when standard output is a terminal).
    Human(BufWriter<anstream::AutoStream<Stdout>>),
}

impl Output {
    /// Standard output in `format`; `csv_header` is the header row of CSV.
    pub fn new(format: ParseFormat, csv_header: &[&str]) -> Result<Output> {
        Ok(match format {
            ParseFormat::Jsonl => {
                Output::Jsonl(BufWriter::with_capacity(1 << 16, std::io::stdout()))
            }
            ParseFormat::Csv => {
                let stdout = BufWriter::with_capacity(1 << 16, std::io::stdout());
                let mut w = csv::Writer::from_writer(stdout);
                w.write_record(csv_header)?;
                Output::Csv(Box::new(w))
            }
            ParseFormat::Human => Output::Human(BufWriter::new(anstream::AutoStream::auto(
                std::io::stdout(),
            ))),
        })
    }

    /// Flushes what is buffered.
    pub fn flush(&mut self) -> Result<()> {
        match self {
            Output::Jsonl(out) => out.flush()?,
            Output::Csv(w) => w.flush()?,
            Output::Human(out) => out.flush()?,
        }
        Ok(())
    }
}
