//! Reads the rows of the reply tables (`provider_lists.rs`, `server_replies.rs`) from their
//! source text, so that another test can use every row without the tables moving: each row
//! is a tuple of three string literals `("reply", "reason", "party")` passed to `check()`.

/// One row: the table's file, the reply, the reason and the party.
pub struct Row {
    pub table: &'static str,
    pub text: String,
    pub reason: String,
    pub party: String,
}

enum Token {
    Str(String),
    Punct(char),
}

/// The string literals and the punctuation of Rust source text; comments are skipped.
fn tokens(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            Some('r') => s.push('\r'),
                            Some('0') => s.push('\0'),
                            Some('u') => {
                                let mut hex = String::new();
                                for c in chars.by_ref() {
                                    if c == '}' {
                                        break;
                                    }
                                    if c != '{' {
                                        hex.push(c);
                                    }
                                }
                                let n = u32::from_str_radix(&hex, 16).expect("\\u{..} escape");
                                s.push(char::from_u32(n).expect("a char"));
                            }
                            Some('\n') => {
                                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                    chars.next();
                                }
                            }
                            Some(other) => s.push(other),
                            None => break,
                        },
                        other => s.push(other),
                    }
                }
                out.push(Token::Str(s));
            }
            '(' | ')' | ',' | '&' | '[' | ']' | ';' => out.push(Token::Punct(c)),
            c if c.is_whitespace() => {}
            _ => out.push(Token::Punct('.')),
        }
    }
    out
}

/// Every `("reply", "reason", "party")` tuple in the source text of one table file.
pub fn rows(table: &'static str, src: &str) -> Vec<Row> {
    let t = tokens(src);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 6 < t.len() {
        if let (
            Token::Punct('('),
            Token::Str(text),
            Token::Punct(','),
            Token::Str(reason),
            Token::Punct(','),
            Token::Str(party),
        ) = (&t[i], &t[i + 1], &t[i + 2], &t[i + 3], &t[i + 4], &t[i + 5])
        {
            let close = matches!(
                (&t[i + 6], t.get(i + 7)),
                (Token::Punct(')'), _) | (Token::Punct(','), Some(Token::Punct(')')))
            );
            if close {
                out.push(Row {
                    table,
                    text: text.clone(),
                    reason: reason.clone(),
                    party: party.clone(),
                });
                i += 7;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The rows of both reply tables.
pub fn all_rows() -> Vec<Row> {
    let mut out = rows("provider_lists.rs", include_str!("../provider_lists.rs"));
    out.extend(rows(
        "server_replies.rs",
        include_str!("../server_replies.rs"),
    ));
    out
}
