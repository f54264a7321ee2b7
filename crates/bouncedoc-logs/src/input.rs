//! Opening an input: a file (gzip-compressed or not, told by its first bytes) or standard
//! input, buffered.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Bytes read at a time.
const BUFFER: usize = 1 << 16;

/// Why an input could not be opened.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct OpenError {
    /// The input's name.
    pub path: String,
    /// What went wrong.
    pub source: std::io::Error,
}

/// Opens `path` (`-` is standard input), decompressing gzip (as `logrotate` leaves
/// `maillog.2.gz`).
pub fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, OpenError> {
    let error = |source| OpenError {
        path: path.display().to_string(),
        source,
    };
    let reader: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(File::open(path).map_err(error)?)
    };
    decompressed(BufReader::with_capacity(BUFFER, reader)).map_err(error)
}

/// The reader itself, or its gunzipped content when it starts with gzip's magic bytes.
pub fn decompressed<R: BufRead + Send + 'static>(
    mut reader: R,
) -> std::io::Result<Box<dyn BufRead + Send>> {
    let head = reader.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        return Ok(Box::new(BufReader::with_capacity(BUFFER, gz)));
    }
    Ok(Box::new(reader))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_is_told_by_its_magic() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"line one\nline two\n").unwrap();
        let bytes = gz.finish().unwrap();
        let r = decompressed(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(r.lines().count(), 2);
        let r = decompressed(std::io::Cursor::new(b"plain\n".to_vec())).unwrap();
        assert_eq!(r.lines().next().unwrap().unwrap(), "plain");
    }
}
