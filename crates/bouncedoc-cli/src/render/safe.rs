//! Making text taken from messages and from the ledger safe where it is shown: on a
//! terminal ([`for_person`]) and in a spreadsheet ([`csv_cell`]). JSON needs neither: its
//! writer escapes control characters.

use std::borrow::Cow;

/// `text` without terminal control: escape sequences (CSI such as a screen clear, OSC such
/// as a title change or a clipboard write, and the other `ESC` forms) are removed whole, and
/// every other C0 or C1 control character and DEL is removed, except newline and tab.
/// Text with none of them is returned as it is.
pub fn for_person(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, SOS, PM, APC: a string up to BEL or the string terminator.
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // Any other escape: the one character after ESC.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}'
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || (is_control(c) && c != '\u{1b}') {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// A CSV cell that a spreadsheet will not read as a formula (the OWASP rule): a cell that
/// starts with `=`, `+`, `-`, `@`, tab or carriage return gets a single quote in front.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(for_person("a\u{1b}[2Jb"), "ab");
        assert_eq!(for_person("a\u{1b}]0;pwned\u{7}b"), "ab");
        assert_eq!(for_person("a\u{1b}]52;c;ZXZpbA==\u{1b}\\b"), "ab");
        assert_eq!(for_person("a\u{9b}31mb\u{9d}0;t\u{9c}c"), "abc");
        assert_eq!(for_person("a\u{1b}cb"), "ab");
        assert_eq!(for_person("x\r\u{0}\u{8}\u{7f}\u{85}y"), "xy");
    }

    #[test]
    fn plain_text_newlines_and_tabs_stay() {
        let text = "550 5.1.1 <taro@example.jp>\n\tユーザ不明 é";
        assert!(matches!(for_person(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn formula_cells_are_quoted() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        for good in ["", "taro@example.jp", "550", "a=b"] {
            assert_eq!(csv_cell(good), good);
        }
    }
}
