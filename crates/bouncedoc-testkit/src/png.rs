//! Reading the pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes),
//! so that a test can tell a screenshot shows something, and what colours.

use std::io::Read;

/// A decoded image.
#[derive(Debug, Clone)]
pub struct Image {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// The pixels, row by row, as RGB (alpha dropped).
    pub pixels: Vec<[u8; 3]>,
}

impl Image {
    /// Decodes a PNG; panics on one it cannot read.
    pub fn decode(png: &[u8]) -> Image {
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        let mut at = 8;
        let (mut width, mut height, mut channels) = (0usize, 0usize, 0usize);
        let mut data = Vec::new();
        while at + 8 <= png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind = &png[at + 4..at + 8];
            let body = &png[at + 8..at + 8 + len];
            match kind {
                b"IHDR" => {
                    width = u32::from_be_bytes(body[0..4].try_into().unwrap()) as usize;
                    height = u32::from_be_bytes(body[4..8].try_into().unwrap()) as usize;
                    let (depth, colour, interlace) = (body[8], body[9], body[12]);
                    assert!(depth == 8 && interlace == 0, "8-bit, not interlaced");
                    channels = match colour {
                        2 => 3,
                        6 => 4,
                        other => panic!("PNG colour type {other}"),
                    };
                }
                b"IDAT" => data.extend_from_slice(body),
                b"IEND" => break,
                _ => {}
            }
            at += 12 + len;
        }
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&data[..])
            .read_to_end(&mut raw)
            .expect("the PNG's data");
        let stride = width * channels;
        assert_eq!(raw.len(), height * (stride + 1), "the PNG's size");
        let mut rows = vec![0u8; height * stride];
        for y in 0..height {
            let filter = raw[y * (stride + 1)];
            let line = &raw[y * (stride + 1) + 1..(y + 1) * (stride + 1)];
            for x in 0..stride {
                let a = if x >= channels {
                    rows[y * stride + x - channels]
                } else {
                    0
                };
                let b = if y > 0 { rows[(y - 1) * stride + x] } else { 0 };
                let c = if x >= channels && y > 0 {
                    rows[(y - 1) * stride + x - channels]
                } else {
                    0
                };
                let predicted = match filter {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                    4 => paeth(a, b, c),
                    other => panic!("PNG filter {other}"),
                };
                rows[y * stride + x] = line[x].wrapping_add(predicted);
            }
        }
        let pixels = rows
            .chunks_exact(channels)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        Image {
            width,
            height,
            pixels,
        }
    }

    /// How many pixels are of exactly this colour.
    pub fn count(&self, rgb: [u8; 3]) -> usize {
        self.pixels.iter().filter(|p| **p == rgb).count()
    }

    /// How many pixels are not white.
    pub fn ink(&self) -> usize {
        self.pixels.len() - self.count([255, 255, 255])
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A 2 × 2 RGB PNG written by hand, with the Sub and Up filters.
    fn tiny() -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], body: &[u8]) {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&[0; 4]); // the CRC is not checked
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut png, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
        // Row 1, Sub: white, then white + (0x2c-0xff, ...) = #2c6fbb.
        // Row 2, Up: the same as row 1.
        let raw = [
            1, 255, 255, 255, 0x2d, 0x70, 0xbc, //
            2, 0, 0, 0, 0, 0, 0,
        ];
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&raw).unwrap();
        chunk(&mut png, b"IDAT", &z.finish().unwrap());
        chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn filtered_rows_are_decoded() {
        let img = Image::decode(&tiny());
        assert_eq!((img.width, img.height), (2, 2));
        assert_eq!(img.pixels[1], [0x2c, 0x6f, 0xbb]);
        assert_eq!(img.count([0x2c, 0x6f, 0xbb]), 2);
        assert_eq!(img.ink(), 2);
    }
}
