//! The standard output of the commands that write records (`parse`, `logs`): JSON lines,
//! CSV with a header row, the explain layout for a person, or one line per record; buffered, flushed by
//! [`Output::flush`].

use std::io::{BufWriter, Stdout, Write};

use anyhow::Result;

use crate::cli::ParseFormat;

/// The byte-order mark that tells Excel a CSV file is UTF-8 (without it, Japanese Excel
/// reads it as Shift_JIS and garbles every Japanese cell).
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where records go, in one of the formats.
pub enum Output {
    /// One JSON object per line.
    Jsonl(BufWriter<Stdout>),
    /// CSV, its header row written.
    Csv(Box<csv::Writer<BufWriter<Stdout>>>),
    /// The explain layout (coloured when standard output is a terminal).
    Human(BufWriter<anstream::AutoStream<Stdout>>),
    /// One line per record.
    Line(BufWriter<Stdout>),
}

impl Output {
    /// Standard output in `format`; `csv_header` is the header row of CSV. `excel` asks
    /// for CSV as Excel opens it (a UTF-8 byte-order mark first, CRLF line ends), whatever
    /// the format.
    pub fn new(format: ParseFormat, excel: bool, csv_header: &[&str]) -> Result<Output> {
        let format = if excel { ParseFormat::Csv } else { format };
        Ok(match format {
            ParseFormat::Jsonl => {
                Output::Jsonl(BufWriter::with_capacity(1 << 16, std::io::stdout()))
            }
            ParseFormat::Csv => {
                let mut stdout = BufWriter::with_capacity(1 << 16, std::io::stdout());
                let mut builder = csv::WriterBuilder::new();
                if excel {
                    stdout.write_all(UTF8_BOM)?;
                    builder.terminator(csv::Terminator::CRLF);
                }
                let mut w = builder.from_writer(stdout);
                w.write_record(csv_header)?;
                Output::Csv(Box::new(w))
            }
            ParseFormat::Line => Output::Line(BufWriter::with_capacity(1 << 16, std::io::stdout())),
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
            Output::Line(out) => out.flush()?,
        }
        Ok(())
    }
}
