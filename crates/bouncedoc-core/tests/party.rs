//! Who must act follows the cause the words and codes name, as `shared/spec/diagnosis.md`
//! ("Who must act: how `party` is decided") states it: one case or more for each row of its
//! table, permanent and temporary, and the cause beside a summary of the server that gave up.
//! The wordings are those the servers write (the file that writes each is named) or the
//! providers document.

use bouncedoc_core::{Engine, Lang, Party, Reason};

fn check(cases: &[(&str, Party)]) {
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    for (text, want) in cases {
        let d = engine.explain(text, Lang::En).unwrap();
        if d.party != *want {
            failures.push(format!(
                "{text:?}: party {} ({}, rule {:?}), want {}",
                d.party,
                d.reason,
                d.rule_id(),
                want
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The recipient address is wrong or does not exist: the sender.
#[test]
fn a_wrong_address_is_the_senders_to_fix() {
    check(&[
        // postfix src/smtpd/smtpd_check.c ("User unknown in local recipient table").
        (
            "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table",
            Party::Sender,
        ),
        // notqmail qmail-local.c ("Sorry, no mailbox here by that name").
        (
            "<taro@example.jp>: Sorry, no mailbox here by that name. (#5.1.1)",
            Party::Sender,
        ),
        // Temporary, but the address is still what is wrong.
        ("450 4.1.1 <taro@example.jp>: user unknown", Party::Sender),
    ]);
}

/// The message itself (spam, size) and a per-sender sending quota or rate: the sender.
#[test]
fn the_message_and_the_senders_own_quota_are_the_senders() {
    check(&[
        // postfix src/cleanup/cleanup_init.c ("Message size exceeds fixed limit").
        ("552 5.3.4 Message size exceeds fixed limit", Party::Sender),
        ("550 5.7.1 Spam message rejected", Party::Sender),
        // Google's sending limits (support.google.com/a/answer/166852).
        (
            "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852",
            Party::Sender,
        ),
        // Amazon SES's throttling reply.
        (
            "454 Throttling failure: Daily message quota exceeded.",
            Party::Sender,
        ),
        ("550 5.7.1 Sender quota exceeded", Party::Sender),
        // A per-sender rate is the sender's even when the refusal is temporary.
        (
            "451 4.7.1 Sender rate limit exceeded, try again later",
            Party::Sender,
        ),
        // Exchange Online's submission quota is the sending mailbox's, not the recipient's.
        (
            "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
            Party::Sender,
        ),
    ]);
}

/// The sending server or domain (authentication, PTR, blocklists), temporary or not: its
/// administrator.
#[test]
fn the_sending_server_is_its_administrators() {
    check(&[
        // Gmail's 5.7.26 (support.google.com/mail/answer/81126).
        (
            "550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass).",
            Party::SenderAdmin,
        ),
        // postfix src/smtpd/smtpd_check.c ("Client host rejected: cannot find your hostname").
        (
            "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]",
            Party::SenderAdmin,
        ),
        (
            "421 4.7.0 Temporary rejection: IP 192.0.2.1 listed on zen.spamhaus.org",
            Party::SenderAdmin,
        ),
    ]);
}

/// The recipient's mailbox (full, disabled): the recipient, also beside a summary.
#[test]
fn the_mailbox_is_the_recipients() {
    check(&[
        (
            "552 5.2.2 <hanako@example.jp>: Mailbox full",
            Party::Recipient,
        ),
        (
            "452 4.2.2 <hanako@example.jp>: Mailbox full",
            Party::Recipient,
        ),
        (
            "550 5.2.1 <hanako@example.jp>: Mailbox disabled, not accepting messages",
            Party::Recipient,
        ),
        // exim src/src/retry.c appends "retry timeout exceeded" to the last error: the
        // full mailbox is the cause, not the expiry (whose party is another).
        (
            "host mx.example.jp [192.0.2.44]: 452 4.2.2 <taro@example.jp>: Mailbox full: retry timeout exceeded",
            Party::Recipient,
        ),
        // exim src/src/transports/smtp.c, under a status code that names the cause.
        (
            "550 5.2.2 <taro@example.jp>: retry time not reached for any host after a long failure period",
            Party::Recipient,
        ),
        // notqmail qmail-send.c's "I'm not going to try again" after the last error.
        (
            "<taro@example.jp>: 552 sorry, mailbox full. I'm not going to try again; this message has been in the queue too long.",
            Party::Recipient,
        ),
    ]);
}

/// A restriction the receiving organisation configured: its administrator.
#[test]
fn the_receiving_organisations_restriction_is_its_administrators() {
    check(&[
        // Exchange Online's NDR reference, 5.7.1 (fix-error-code-5-7-1-in-exchange-online).
        (
            "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required",
            Party::RecipientAdmin,
        ),
        (
            "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized",
            Party::RecipientAdmin,
        ),
        (
            "550 5.7.1 The group sales@example.com only accepts messages from people in its organization",
            Party::RecipientAdmin,
        ),
        (
            "550 5.7.1 Only internal senders may send to this group",
            Party::RecipientAdmin,
        ),
        (
            "550 5.7.1 You are not permitted to send to this distribution list",
            Party::RecipientAdmin,
        ),
    ]);
}

/// Load, greylisting, recipient-side rate limits, faults that time cures: nobody.
#[test]
fn what_time_cures_is_nobodys() {
    check(&[
        // postgrey's reply ("Greylisted, see http://postgrey.schweikert.ch/help/...").
        (
            "450 4.2.0 <taro@example.jp>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.jp.html",
            Party::Nobody,
        ),
        // Gmail's 4.2.1 (support.google.com/mail/answer/6592): the recipient receives too
        // fast; the sender's server is not at fault.
        (
            "452 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
            Party::Nobody,
        ),
        (
            "451 4.4.1 mx.example.jp[192.0.2.10]: Connection timed out",
            Party::Nobody,
        ),
    ]);
}

/// A temporary code with words that name an unknown user: the reason the words give, but
/// a temporary failure as the code says (no hard bounce, retried later).
#[test]
fn a_temporary_code_keeps_a_named_cause_soft() {
    let engine = Engine::new().unwrap();
    let d = engine
        .explain("450 4.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table", Lang::En)
        .unwrap();
    assert_eq!(d.reason, Reason::UserUnknown);
    assert!(!d.hard_bounce);
    assert_eq!(d.retry, bouncedoc_core::Retry::Later);
    let d = engine
        .explain("550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table", Lang::En)
        .unwrap();
    assert!(d.hard_bounce);
}

/// When nothing names a cause, no party is blamed: an unknown wording, or a code too vague to
/// name one, ends with `nobody` (the spec: "claims no party's fault"), never the sender's
/// administrator.
#[test]
fn a_reply_that_names_no_cause_blames_nobody() {
    let engine = Engine::new().unwrap();
    for text in [
        "550 5.0.0 something odd happened here",
        "554 the frobnicator declined",
        "550 5.1.5 <taro@example.jp>",
    ] {
        let d = engine.explain(text, Lang::En).unwrap();
        assert!(
            matches!(d.reason, Reason::Undefined | Reason::OnHold),
            "{text:?}: {} (rule {:?}) names a cause; pick a text that names none",
            d.reason,
            d.rule_id()
        );
        assert_eq!(d.party, Party::Nobody, "{text:?}: {}", d.reason);
    }
}

/// RFC 3463 X.3.2 and RFC 5321's 421 ("Service not available, closing transmission
/// channel"): a receiving server that is shutting down or busy is load that time cures, so a
/// temporary refusal is nobody's; the same code as a permanent refusal (a system that takes
/// no mail) and a null MX stay with the receiving administrator.
#[test]
fn a_busy_or_closing_server_is_nobodys_while_temporary() {
    check(&[
        (
            "421 4.3.2 Service not available, closing transmission channel",
            Party::Nobody,
        ),
        (
            "421 4.3.2 System not accepting network messages",
            Party::Nobody,
        ),
        ("451 4.3.2 Please try again later", Party::Nobody),
        ("451 4.3.0 Temporary local problem", Party::Nobody),
        ("452 4.3.1 Insufficient system storage", Party::Nobody),
        (
            "554 5.3.2 System not accepting network messages",
            Party::RecipientAdmin,
        ),
        // A null MX (RFC 7505) is the receiving domain's own statement, even when the
        // refusal comes as a temporary one: its administrator's, not time's.
        (
            "450 4.1.10 <taro@example.net>: Recipient address rejected: Domain example.net does not accept mail (nullMX)",
            Party::RecipientAdmin,
        ),
    ]);
}

/// The families of generic wordings added from the servers' sources keep the party of their
/// cause: a protocol fault is the sending server's, a bulk-mail verdict, a missing login, a
/// sender address the login does not own and a sending quota are the sender's; an
/// internal-senders-only restriction is the receiving administrator's, a receiving rate nobody's.
#[test]
fn the_generic_families_keep_the_party_of_their_cause() {
    check(&[
        // postfix src/postscreen/postscreen_smtpd.c, exim src/src/smtp_in.c.
        ("503 5.5.1 Error: send HELO/EHLO first", Party::SenderAdmin),
        ("503 HELO or EHLO required", Party::SenderAdmin),
        // rspamd src/plugins/lua/dcc.lua.
        (
            "550 5.7.1 Message detected as bulk mail by DCC",
            Party::Sender,
        ),
        // stalwart crates/smtp/src/inbound/mail.rs.
        ("503 5.5.1 You must authenticate first.", Party::Sender),
        (
            "501 5.5.4 You are not allowed to send from this address.",
            Party::Sender,
        ),
        (
            "550 5.4.5 Daily user sending quota exceeded.",
            Party::Sender,
        ),
        (
            "450 4.7.1 Number recipients per hour exceeded",
            Party::Sender,
        ),
        // A group or mailbox that its organisation opened to internal senders only.
        (
            "550 5.7.1 This recipient only accepts mail from internal senders",
            Party::RecipientAdmin,
        ),
        // A recipient-side receiving rate: time cures it.
        (
            "452 4.2.1 Mailbox receiving rate exceeded for this recipient",
            Party::Nobody,
        ),
    ]);
}
