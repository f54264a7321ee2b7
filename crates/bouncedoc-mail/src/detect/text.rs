//! The fallback reader for bounces in no known format: it finds the recipient addresses in
//! the human-readable text and takes the words that follow each of them.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// Lines where bounces start quoting the returned message; the text after them is the
/// original mail, not the report.
const ORIGINAL_MESSAGE_MARKERS: &[&str] = &[
    "--- below this line is a copy of the message",
    "------ this is a copy of the message, including all the headers",
    "----- original message -----",
    "--- original message ---",
    "------ original message ------",
    "----- transcript of session follows -----",
    "original message follows",
    "the original message was",
    "content-type: message/rfc822",
    "----- message header follows -----",
    "----- unsent message follows -----",
    "------ original message headers ------",
    "--------------- original message ---",
    "------ this is a copy of your message",
    "your message reads (in part)",
    "------- returned message --------",
    "------ the original message headers follow",
    "message text follows:",
];

/// Words in a `From`, `Subject` or body that mark a message as a delivery failure report.
const BOUNCE_SUBJECT_WORDS: &[&str] = &[
    "undeliver",
    "undelivered",
    "delivery status notification",
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "failure notice",
    "returned mail",
    "returned to sender",
    "mail delivery failed",
    "mail delivery failure",
    "mail delivery system",
    "could not be delivered",
    "not delivered",
    "nondeliverable",
    "non-deliverable",
    "non delivery",
    "delivery notification",
    "delivery problem",
    "warning: could not send",
    "message delivery has been delayed",
    "delayed mail",
    "mail system error",
    "error sending message",
    "rejected",
    "bounce",
    "permanent error",
    "failed to deliver",
    "error mail report",
    "returned message",
    "mail could not be delivered",
    "unzustellbar",
    "配信不能",
    "送信エラー",
    "不達",
    "エラー",
    "メール配送",
];

/// Senders that write bounces.
const BOUNCE_SENDERS: &[&str] = &[
    "mailer-daemon",
    "postmaster",
    "mail delivery",
    "mdaemon",
    "mail administrator",
    "bounce",
];

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<?([A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?")
        .expect("valid")
});

/// Whether the headers say this is a bounce (a report sender or a failure subject).
pub fn looks_like_bounce(message: &Message) -> bool {
    let from = message.header("from").unwrap_or("").to_lowercase();
    let subject = message.header("subject").unwrap_or("").to_lowercase();
    BOUNCE_SENDERS.iter().any(|w| from.contains(w))
        || BOUNCE_SUBJECT_WORDS.iter().any(|w| subject.contains(w))
        || message
            .header("return-path")
            .is_some_and(|v| v.trim() == "<>")
        || message.header("x-failed-recipients").is_some()
}

/// The markers of [`ORIGINAL_MESSAGE_MARKERS`], found in one pass, in any ASCII case.
static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(ORIGINAL_MESSAGE_MARKERS)
        .expect("the markers are plain strings")
});

/// The report text up to where the returned message begins.
pub fn report_body(message: &Message) -> &str {
    let text = message.report_text();
    let cut = MARKERS
        .find(text)
        // The whole line of the marker goes (`|---- Message text follows: ----|`).
        .map(|m| crate::detect::common::line_around(text, m.start()).0)
        .unwrap_or(text.len());
    &text[..cut]
}

/// Addresses that are not failed recipients: the report's own sender, addressee and return
/// path, and the sender of the returned message (which reports quote: "The original message
/// was received ... from <sender>", Sendmail's savemail.c).
fn own_addresses(message: &Message) -> Vec<String> {
    let own = ["from", "to", "reply-to", "sender", "return-path"]
        .iter()
        .filter_map(|h| message.header(h))
        .filter_map(parse_address);
    let original = ["from", "sender", "return-path"]
        .iter()
        .filter_map(|h| message.original_header(h))
        .filter_map(|v| parse_address(&v));
    own.chain(original).map(|a| a.to_lowercase()).collect()
}

/// Mailboxes of the mail system itself (RFC 2142's `postmaster` and `hostmaster`, the
/// daemons that sign bounces), which a report names for questions, never as a recipient.
fn is_system_address(addr: &str) -> bool {
    let local = addr.split('@').next().unwrap_or("").to_lowercase();
    matches!(
        local.as_str(),
        "postmaster"
            | "hostmaster"
            | "mailer-daemon"
            | "mailer_daemon"
            | "mail-daemon"
            | "root"
            | "abuse"
            | "noreply"
            | "no-reply"
    )
}

/// Header fields whose addresses are not recipients (a forwarded bounce quotes its own
/// header), and the words before an address that name it as something else: the sender in
/// Exchange Online's "Original Message Details" (`Sender Address:`), the address an alias
/// was expanded from in Exim's notes (`(generated from ...)`, written by
/// `print_address_information` in deliver.c; its `generated by ...` under a `pipe to |...`
/// names the address whose filter made the pipe, which is the recipient, and stays); and a
/// message's id quoted in the prose (`Your message <id@host> could not be delivered`).
const NOT_RECIPIENT_FIELDS: &[&str] = &[
    "message-id:",
    "references:",
    "in-reply-to:",
    "return-path:",
    "from:",
    "sender:",
    "reply-to:",
    "received:",
    "sender address:",
    "envelope-from:",
    "generated from",
    "message",
    "message-id",
    "message id",
];

/// `X-Failed-Recipients` (Exim's header, deliver.c) lists every address that failed: when
/// a report has it, an address of the text that it does not list is another party (an
/// alias, a forwarding target, a sender), and a listed address the text does not name is a
/// recipient all the same (its words are then those of the report's opening, line 0).
fn keep_failed_recipients(message: &Message, found: &mut Vec<(usize, String)>) {
    let listed: Vec<String> = message
        .header_all("x-failed-recipients")
        .flat_map(|v| v.split(','))
        .filter_map(parse_address)
        .collect();
    if listed.is_empty() {
        return;
    }
    let lower: HashSet<String> = listed.iter().map(|a| a.to_ascii_lowercase()).collect();
    found.retain(|(_, a)| lower.contains(&a.to_ascii_lowercase()));
    let named: HashSet<String> = found.iter().map(|(_, a)| a.to_ascii_lowercase()).collect();
    let mut seen = HashSet::new();
    for a in listed {
        let key = a.to_ascii_lowercase();
        if !named.contains(&key) && seen.insert(key) {
            found.push((0, a));
        }
    }
    found.sort_by_key(|(i, _)| *i);
}

/// Header fields that a message quoted in a report's text (a forwarded bounce's own header,
/// Gmail's "---------- Forwarded message ---------" block, Outlook's "From: ... Sent: ...
/// Subject: ..." block, the returned message's header) is written with.
const QUOTED_HEADER_FIELDS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "sent",
    "date",
    "subject",
    "reply-to",
    "sender",
    "message-id",
    "importance",
    "return-path",
];

/// Whether a line is a header field of [`QUOTED_HEADER_FIELDS`] (`Subject: ...`).
fn quoted_header_field(line: &str) -> Option<&str> {
    let (name, _) = line.split_once(':')?;
    let name = name.trim_end();
    QUOTED_HEADER_FIELDS
        .iter()
        .find(|f| name.eq_ignore_ascii_case(f))
        .copied()
}

/// Which lines belong to a quoted message header: a run of at least three header fields
/// (and their folded lines) that has a `Subject` and a `From`, `Sent` or `Date`. Its `To`
/// and `Cc` name whom the quoted message was sent to, which is no failure.
fn quoted_header_lines(lines: &[&str]) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if quoted_header_field(lines[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut names: Vec<&str> = Vec::new();
        while i < lines.len() {
            if let Some(name) = quoted_header_field(lines[i]) {
                names.push(name);
            } else if !(i > start
                && lines[i].starts_with([' ', '\t'])
                && !lines[i].trim().is_empty())
            {
                break;
            }
            i += 1;
        }
        let dated = names.iter().any(|n| matches!(*n, "from" | "sent" | "date"));
        if names.len() >= 3 && names.contains(&"subject") && dated {
            inside[start..i].iter_mut().for_each(|x| *x = true);
        }
    }
    inside
}

/// Words of a sentence that says a delivery failed.
const FAILURE_WORDS: &[&str] = &[
    "could not deliver",
    "couldn't deliver",
    "unable to deliver",
    "could not be delivered",
    "couldn't be delivered",
    "not be delivered",
    "undeliverable",
    "delivery failed",
    "delivery to the following",
    "failed to deliver",
    "did not reach",
];

/// The addresses a sentence about a failed delivery names after `to` ("I could not deliver
/// your message to a@b, c@d.", the non-standard qmail report that GNU Mailman's
/// `simplematch` reads by "this is the email server at"): the first after the word `to`,
/// and those that follow it in a list (`,`, `and`, `;`).
fn prose_recipients(line: &str) -> Vec<String> {
    let lower = line.to_ascii_lowercase();
    if !FAILURE_WORDS.iter().any(|w| lower.contains(w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut last_end: Option<usize> = None;
    for m in ADDRESS.captures_iter(line) {
        let whole = m.get(0).expect("match");
        let before = &lower[last_end.unwrap_or(0)..whole.start()];
        // `to` after a verb that sends elsewhere (`reply to`, `forwarded to`) names no
        // recipient of the message.
        let follows_to = last_end.is_none()
            && before.trim_end().strip_suffix(" to").is_some_and(|b| {
                let verb = b.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
                !matches!(
                    verb,
                    Some("reply" | "forwarded" | "redirected" | "write" | "sent" | "back")
                )
            });
        let in_list = last_end.is_some()
            && matches!(before.trim(), "," | ";" | "and" | ", and" | "or" | ", or");
        if !(follows_to || in_list) {
            if last_end.is_some() {
                break;
            }
            continue;
        }
        out.push(m[1].trim_end_matches('.').to_string());
        last_end = Some(whole.end());
    }
    out
}

/// A line without the quote marks of a forwarded message (`> `, `>` alone). A session
/// transcript's `>>> RCPT TO:` is not a quote.
fn unquoted(line: &str) -> &str {
    let mut l = line.trim_start();
    while let Some(rest) = l.strip_prefix('>') {
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            break;
        }
        l = rest.trim_start();
    }
    l
}

/// Reads any bounce: the recipients named in its text, each with the lines that follow.
pub fn read(message: &Message) -> Vec<RecipientFacts> {
    let body = report_body(message);
    let own = own_addresses(message);
    let lines: Vec<&str> = body.lines().map(unquoted).collect();
    // A recipient line names an address near its start: `<a@b>:`, `a@b`, `To: a@b`,
    // `RCPT TO:<a@b>`; or a sentence about a failure names them after `to`: "I could not
    // deliver your message to a@b, c@d." (qmail's clones, see [`prose_recipients`]).
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // The addressees of a quoted message header (see [`quoted_header_lines`]), kept apart:
    // they give way to the recipients the report's own words name (a forwarded bounce
    // quotes the bounce's header and the original's), even the same address named later.
    let quoted = quoted_header_lines(&lines);
    let mut in_quoted: Vec<(usize, String)> = Vec::new();
    let mut seen_quoted: HashSet<String> = HashSet::new();
    // The addresses found in a sentence, whose words are the sentence and what precedes it.
    let mut in_prose: HashSet<String> = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(m) = ADDRESS.captures(line) else {
            continue;
        };
        let whole = m.get(0).expect("match");
        let before = line[..whole.start()].trim().to_lowercase();
        let near_start =
            before.len() <= 24 || before.ends_with("to:") || before.ends_with("recipient:");
        let candidates: Vec<String> = if near_start {
            if NOT_RECIPIENT_FIELDS.iter().any(|f| before.ends_with(f)) {
                continue;
            }
            vec![m[1].trim_end_matches('.').to_string()]
        } else {
            let named = prose_recipients(line);
            in_prose.extend(named.iter().map(|a| a.to_ascii_lowercase()));
            named
        };
        for addr in candidates {
            let lower = addr.to_lowercase();
            if own.contains(&lower) || is_system_address(&lower) {
                continue;
            }
            if quoted[i] {
                if seen_quoted.insert(addr.to_ascii_lowercase()) {
                    in_quoted.push((i, addr));
                }
                continue;
            }
            // The first line about an address is kept (a set, not a search of those found).
            if !seen.insert(addr.to_ascii_lowercase()) {
                continue;
            }
            found.push((i, addr));
        }
    }
    let diagnostic_from = |start: usize, end: usize| -> String {
        lines[start..end.min(lines.len())]
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .take(12)
            .collect::<Vec<_>>()
            .join("\n")
    };
    // A list of bare local parts (AOL's screen names, GroupWise's users): each with the
    // domain its format means, in the order of the lines.
    for (i, local) in crate::detect::common::listed_local_parts(&lines) {
        if let Some(addr) = crate::detect::common::address_of_local_part(message, &local)
            && seen.insert(addr.to_ascii_lowercase())
        {
            found.push((i, addr));
        }
    }
    if found.is_empty() {
        found = in_quoted;
    }
    found.sort_by_key(|(i, _)| *i);
    keep_failed_recipients(message, &mut found);
    if found.is_empty() {
        let recipient = message
            .original_header("to")
            .and_then(|v| parse_address(&v))
            .or_else(|| {
                message
                    .header("x-failed-recipients")
                    .and_then(parse_address)
            });
        return vec![RecipientFacts {
            recipient,
            diagnostic: diagnostic_from(0, lines.len()),
            ..RecipientFacts::default()
        }];
    }
    // The first lines with words, found once: read from the start for every recipient,
    // the blank lines before them would be passed over once per recipient.
    let first: Vec<(usize, &str)> = lines
        .iter()
        .map(|l| l.trim())
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .take(12)
        .collect();
    // What `diagnostic_from(0, end)` gives.
    let from_start = |end: usize| -> String {
        first
            .iter()
            .filter(|&&(at, _)| at < end)
            .map(|&(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut out = Vec::new();
    for (line, addr) in &found {
        // The next line that names another recipient (a sentence names several on one).
        let next = found
            .get(found.partition_point(|(l, _)| l <= line))
            .map_or(lines.len(), |(l, _)| *l);
        // The words about a recipient follow it; when a recipient is listed alone on its
        // line with nothing after it, the explanation may come before the list, and a
        // sentence that names it is read with the lines before it.
        let mut diagnostic = diagnostic_from(*line, next.max(line + 1));
        let local = addr.rsplit_once('@').map_or(addr.as_str(), |(l, _)| l);
        let bare = diagnostic.trim().trim_matches(['<', '>', ':']);
        if diagnostic.trim() == addr
            || bare == addr
            || bare == local
            || in_prose.contains(&addr.to_ascii_lowercase())
        {
            diagnostic = from_start(next);
        }
        out.push(RecipientFacts {
            recipient: Some(addr.clone()),
            diagnostic,
            ..RecipientFacts::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recipients the text reader finds in a raw message.
    fn recipients_of(raw: &[u8]) -> Vec<String> {
        read(&Message::parse(raw).unwrap())
            .into_iter()
            .filter_map(|r| r.recipient)
            .collect()
    }

    #[test]
    fn the_returned_message_is_not_read_for_recipients() {
        let raw = b"From: <MAILER-DAEMON@example.net>\nSubject: mail failed, returning to sender\n\n|------------------------- Failed addresses follow: ---------------------|\n kijitora@example.jp ... unknown host\n|------------------------- Message text follows: ------------------------|\nReceived: from r2.example.org\n\tfor other@example.org; Thu, 29 Apr 2006 23:34:45 +0000\nTo: kijitora@example.jp\n";
        let m = Message::parse(raw).unwrap();
        let r = read(&m);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("kijitora@example.jp"));
        assert_eq!(r[0].diagnostic, "kijitora@example.jp ... unknown host");
    }

    /// Exchange Online's "Original Message Details" name the sender; Exim's
    /// `(generated from ...)` note names the alias the recipient was expanded from.
    #[test]
    fn sender_and_alias_lines_are_no_recipients() {
        let raw = b"From: postmaster@example.org\nTo: bounces@example.com\nSubject: Undeliverable: Nyaan\n\nDelivery has failed to these recipients or groups:\n\nkijitora@example.jp\n\nOriginal Message Details\nSender Address: neko@example.com\nRecipient Address:      kijitora@example.jp\n";
        let got = recipients_of(raw);
        assert_eq!(got, ["kijitora@example.jp"]);
        let raw = b"From: mailer@mx.example.org\nTo: a@example.com\nSubject: Mail delivery failed\n\nThe following address(es) failed:\n\n  kijitora@example.jp\n    (generated from neko@example.org)\n    550 5.1.1 User unknown\n";
        let got = recipients_of(raw);
        assert_eq!(got, ["kijitora@example.jp"]);
    }

    /// AOL's screen names, listed without a domain, take the reporting server's.
    #[test]
    fn a_list_of_screen_names() {
        let raw = b"From: Mail Delivery Subsystem <MAILER-DAEMON@aol.com>\nSubject: Returned mail: User unknown\n\nThe mail you sent could not be delivered to:\n\nkijitora\nsabatora\n\nPlease check the screen names.\n";
        let got = recipients_of(raw);
        assert_eq!(got, ["kijitora@aol.com", "sabatora@aol.com"]);
    }

    /// `X-Failed-Recipients` decides which addresses of the text failed.
    #[test]
    fn the_failed_recipients_header_lists_the_recipients() {
        let raw = b"From: mailer@mx.example.org\nTo: a@example.com\nSubject: Mail delivery failed\nX-Failed-Recipients: kijitora@example.jp, sabatora@example.jp\n\nThe following address(es) failed:\n\n  kijitora@example.jp\n    forwarded to neko@example.org: 550 5.1.1 User unknown\n  neko@example.org\n    550 5.1.1 User unknown\n";
        let got = recipients_of(raw);
        assert_eq!(got, ["sabatora@example.jp", "kijitora@example.jp"]);
        // A message's id in the prose is no address.
        let raw = b"From: mailer@mx.example.org\nTo: a@example.com\nSubject: Undeliverable mail\n\nYour message <20010101.ABC123@mx.example.org> could not be delivered:\n\nkijitora@example.jp: mailbox full\n";
        let got = recipients_of(raw);
        assert_eq!(got, ["kijitora@example.jp"]);
    }

    /// A forwarded bounce: the header blocks it quotes (the bounce's own, Outlook-style, and
    /// the original message's) name no recipient when the bounce's words name one.
    #[test]
    fn quoted_header_blocks_name_no_recipient() {
        let raw = b"From: Jane <jane@example.org>\nTo: help@example.org\nSubject: FW: Undeliverable: list\n\nsee below\n\n-----Original Message-----\nFrom: Microsoft Outlook <MicrosoftExchange329e@example.org>\nSent: Sunday, November 8, 2026 9:55 AM\nTo: Jane <jane@example.org>\nSubject: Undeliverable: list\n\nDelivery has failed to these recipients or groups:\n\nkai@example.jp (kai@example.jp)\nThe email address you entered couldn't be found.\n\nFrom: Jane <jane@example.org>\nTo: kai@example.jp, lin@example.jp\nCc: mo@example.jp\nSubject: list\n";
        assert_eq!(recipients_of(raw), ["kai@example.jp"]);
        // The same address in a quoted header and then in the report's words (Exchange 5.5's
        // "Your message / To: / Subject: / Sent: / did not reach the following recipient(s)").
        let raw = b"From: System Administrator <postmaster@example.org>\nSubject: Undeliverable: list\n\nYour message\n\n  To:      kai@example.jp\n  Subject: list\n  Sent:    Sun, 8 Nov 2026 09:55:00 +0900\n\ndid not reach the following recipient(s):\n\nkai@example.jp on Sun, 8 Nov 2026 09:55:10 +0900\n    The recipient name is not recognized\n";
        let r = read(&Message::parse(raw).unwrap());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("kai@example.jp"));
        assert!(
            r[0].diagnostic.contains("not recognized"),
            "{}",
            r[0].diagnostic
        );
        // A header block alone still gives its addressee when nothing else is named.
        let raw = b"From: MAILER-DAEMON@example.org\nSubject: Undeliverable\n\nYour message could not be delivered.\n\nFrom: a@example.org\nTo: kai@example.jp\nSubject: list\n";
        assert_eq!(recipients_of(raw), ["kai@example.jp"]);
    }

    #[test]
    fn addresses_after_to_in_a_sentence_about_a_failure() {
        assert_eq!(
            prose_recipients(
                "I could not deliver your message to a@example.jp, b@example.jp and c@example.jp."
            ),
            ["a@example.jp", "b@example.jp", "c@example.jp"]
        );
        assert_eq!(
            prose_recipients("Unable to deliver message to <a@example.jp> (and other recipients)."),
            ["a@example.jp"]
        );
        // No failure named, or the address is not the one the message went to.
        assert!(prose_recipients("Your message was forwarded to a@example.jp.").is_empty());
        assert!(
            prose_recipients(
                "Mail from b@example.org could not be delivered, reply to a@example.jp"
            )
            .is_empty()
        );
        assert!(prose_recipients("Delivery failed, it was forwarded to a@example.jp").is_empty());
    }

    #[test]
    fn forwarded_bounce_in_quotes() {
        let raw = b"From: someone@example.jp\nSubject: Fwd: Returned mail: see transcript for details\nTo: admin@example.ac.jp\n\nBegin forwarded message:\n\n> From: Mail Delivery Subsystem <MAILER-DAEMON@example.jp>\n> Message-Id: <200704060826.n888ba7x019999@smtp.example.jp>\n>\n>    ----- The following addresses had permanent fatal errors -----\n> <nobody@docomo.example.jp>\n>     (reason: 550 Unknown user nobody@docomo.example.jp)\n";
        let m = Message::parse(raw).unwrap();
        let r = read(&m);
        assert_eq!(r[0].recipient.as_deref(), Some("nobody@docomo.example.jp"));
        assert!(r[0].diagnostic.contains("550 Unknown user"));
    }
}
