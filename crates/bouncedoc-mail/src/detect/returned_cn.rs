//! A Chinese webmail's returned-mail notice, in Chinese or in English, one block per recipient
//! (quoted at dreamhunter2333/cloudflare_temp_email#52, lisijie/webcron#14 and
//! jsdelivr/jsdelivr#18728; the reports do not name the provider):
//!
//! ```text
//! 很抱歉您发送的邮件被退回，以下是该邮件的相关信息：
//! 被退回邮件
//! 主 题：...
//! 时 间：...
//! 无法发送到 user@example.org
//! 退信原因  收件人邮件地址（user@example.org）不存在，邮件无法送达。
//! host mx.example.org[192.0.2.1] said: 550 5.1.1 ... (in reply to RCPT TO command)
//! 解决方案  请联系您的收件人，重新核实邮箱地址，或发送到其他收信邮箱。
//! ```
//!
//! A tab follows `退信原因` and `解决方案` in the notice. The older form labels the remote
//! answer `系统应答：` and ends each block with `解决建议：`; the English form reads `Unable to send to ...`, `Bounce reason: ...`, the answer, then
//! `Solution: ...`. Each block's words are the remote answer, then the notice's own reason; the
//! closing advice is left out. The stage is not stated.

use super::common::{address_in, recipient, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The returned-mail notice detector.
pub struct ReturnedCn;

const ID: &str = "returned_cn";

/// The Chinese opening sentence (both forms hold it).
const OPENING: &str = "您发送的邮件被退回";

/// The line that opens a recipient's block.
const BLOCK: [&str; 2] = ["无法发送到", "Unable to send to "];

/// The notice's own reason line.
const REASON: [&str; 2] = ["退信原因", "Bounce reason:"];

/// The remote answer's label in the older form.
const ANSWER: &str = "系统应答：";

/// The advice that closes a block.
const ADVICE: [&str; 3] = ["解决方案", "解决建议", "Solution:"];

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|l| {
        line.strip_prefix(l)
            .map(|rest| rest.trim_start_matches(['：', ':', '\t', ' ']).trim())
    })
}

/// Each block's recipient with its answer and reason.
fn blocks(text: &str) -> Vec<RecipientFacts> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>, Vec<String>)> = None;
    let flush = |current: &mut Option<(String, Vec<String>, Vec<String>)>,
                 out: &mut Vec<RecipientFacts>| {
        if let Some((address, answer, reason)) = current.take() {
            let words: Vec<String> = answer.into_iter().chain(reason).collect();
            out.push(recipient(Some(address), squeeze(&words.join(" "))));
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = strip_label(line, &BLOCK) {
            flush(&mut current, &mut out);
            current = address_in(rest).map(|a| (a, Vec::new(), Vec::new()));
            continue;
        }
        let Some((_, answer, reason)) = current.as_mut() else {
            continue;
        };
        if strip_label(line, &ADVICE).is_some() {
            flush(&mut current, &mut out);
        } else if let Some(rest) = strip_label(line, &REASON) {
            reason.push(rest.to_string());
        } else if let Some(rest) = line.strip_prefix(ANSWER) {
            answer.push(rest.trim().to_string());
        } else if !line.is_empty() {
            answer.push(line.to_string());
        }
    }
    flush(&mut current, &mut out);
    out
}

impl Detector for ReturnedCn {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        let chinese = text.holds(OPENING) && text.holds(BLOCK[0]) && text.holds(REASON[0]);
        let english = text.holds(BLOCK[1]) && text.holds(REASON[1]) && text.holds(ADVICE[2]);
        if !chinese && !english {
            return None;
        }
        Detected::found(ID, blocks(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_block_gives_its_recipient_answer_and_reason() {
        let text = "Unable to send to a@example.org\nBounce reason: The recipient's email address (a@example.org) does not exist, so the message could not be delivered.\n550 No such user (TB)\nSolution: Please contact your recipient.\n\nUnable to send to b@example.org\nBounce reason: x\nhost mx.example.org[192.0.2.1] said: 550 5.1.1 nope (in reply to RCPT TO command)\nSolution: y\n";
        let r = blocks(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.org"));
        assert!(
            r[0].diagnostic
                .starts_with("550 No such user (TB) The recipient's")
        );
        assert_eq!(r[1].recipient.as_deref(), Some("b@example.org"));
        assert!(r[1].diagnostic.starts_with("host mx.example.org"));
    }

    #[test]
    fn the_older_chinese_form() {
        let text = "您发送的邮件被退回，相关信息如下：\n无法发送到ops@example.org\n    系统应答：(9)connect to the \"192.0.2.3(192.0.2.3) of example.org\" server failed\n    退信原因：连接收件方邮件系统失败，导致邮件被系统退回。\n    解决建议：1.请稍后重新尝试发送。\n";
        let r = blocks(text);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("ops@example.org"));
        assert!(r[0].diagnostic.starts_with("(9)connect to"));
        assert!(r[0].diagnostic.ends_with("导致邮件被系统退回。"));
    }
}
