//! Any bytes, read as one header and decoded: never a panic, and for an ASCII value the
//! value mailparse's own decoder reads (the crate's decoder is its linear-time twin).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Any text as a value, through the decoder alone.
    let text = String::from_utf8_lossy(data);
    let _ = bouncedoc_mail::encoded_words::decode(&text);
    // The bytes as a header line, through the path a message's headers take.
    let mut raw = b"Subject: ".to_vec();
    raw.extend_from_slice(data);
    if let Ok((header, _)) = mailparse::parse_header(&raw) {
        let value = bouncedoc_mail::charset::header_value(&header);
        if header.get_value_raw().is_ascii() {
            assert_eq!(value, header.get_value());
        }
    }
});
