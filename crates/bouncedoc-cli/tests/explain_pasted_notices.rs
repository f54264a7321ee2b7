//! `explain` on what a person pastes: the visible text of a provider's or server's bounce
//! notice, as the mail program shows it — alone, under the header lines the web UI shows, with
//! the server's reply line, and with that line cut off. Each paste is this project's own, with
//! example addresses, in the wording of a notice quoted publicly (the source is named above each
//! case); the expected reason, party and hard/soft are what that source says the notice means.
//! A notice whose own words name no cause must not get a confident reason.

mod support;
use support::bouncedoc;

use serde_json::Value;

fn explain(input: &str, lang: &str) -> Value {
    let out = bouncedoc()
        .args(["explain", "--format", "json", "--lang", lang])
        .write_stdin(input)
        .output()
        .unwrap();
    // 1: the text was read but no known wording was recognized.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{input}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    match v {
        Value::Array(mut a) => {
            assert_eq!(a.len(), 1, "one recipient in {input}");
            a.remove(0)
        }
        v => v,
    }
}

/// The header lines a web UI shows above an opened notice.
fn with_headers(from: &str, subject: &str, body: &str) -> String {
    format!(
        "From: {from}\nTo: sender@example.com\nSubject: {subject}\nDate: Mon, 7 Dec 2026 09:00:00 +0900\n\n{body}"
    )
}

/// (name, paste, reason, party, hard bounce)
type Case = (&'static str, String, &'static str, &'static str, bool);

// Gmail's "Address not found" (public report: dwyl/learn-to-send-email-via-google-script-html-no-server#371).
const GMAIL_NOT_FOUND: &str = "Address not found\nYour message wasn't delivered to taro@example.com because the address couldn't be found, or is unable to receive mail.\n";
// The reply line Gmail adds under it (public report: openresty/openresty.org#40).
const GMAIL_NO_SUCH_USER_REPLY: &str = "The response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n";
// Gmail's "Delivery incomplete" (public report: MIATECHPARTNERS/PromptChains#6).
const GMAIL_INCOMPLETE: &str = "Delivery incomplete\nThere was a temporary problem delivering your message to taro@example.com. Gmail will retry for 45 more hours. You'll be notified if the delivery fails permanently.\n";
// Office 365's notice (public report: https://did2memo.net/2017/02/18/office-365-unknown-to-address-error/).
const OUTLOOK_NOT_FOUND: &str = "Your message to taro@example.org couldn't be delivered.\ntaro wasn't found at example.org.\nAction Required                                   Recipient\nUnknown To address\n";
// Exchange's classic notice (provider docs: MicrosoftDocs/OfficeDocs-Exchange NDR article; the
// RESOLVER reply as in this project's explain_pastes test).
const EXCHANGE_NOT_FOUND: &str = "Delivery has failed to these recipients or groups:\n\ntaro@example.com\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.\n";

fn cases() -> Vec<Case> {
    vec![
        // --- Gmail ---
        ("gmail not found, alone", GMAIL_NOT_FOUND.into(), "userunknown", "sender", true),
        (
            "gmail not found, with its reply",
            format!("{GMAIL_NOT_FOUND}{GMAIL_NO_SUCH_USER_REPLY}"),
            "userunknown", "sender", true,
        ),
        (
            "gmail not found, under the UI's header lines",
            with_headers(
                "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                "Delivery Status Notification (Failure)",
                &format!("{GMAIL_NOT_FOUND}{GMAIL_NO_SUCH_USER_REPLY}"),
            ),
            "userunknown", "sender", true,
        ),
        // Gmail's Japanese UI (provider docs: support.google.com/mail/answer/6596?hl=ja).
        (
            "gmail not found, Japanese",
            "アドレスが見つかりませんでした\nメールは taro@example.jp に配信されませんでした。このアドレスが見つからないか、メールを受信できません。\n".into(),
            "userunknown", "sender", true,
        ),
        (
            "gmail not found, Japanese, with a Postfix reply",
            "アドレスが見つかりませんでした\nメールは taro@example.jp に配信されませんでした。このアドレスが見つからないか、メールを受信できません。\nリモート サーバーからの応答:\n550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table\n".into(),
            "userunknown", "sender", true,
        ),
        (
            "gmail not found, Japanese, under the UI's header lines",
            with_headers(
                "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                "Delivery Status Notification (Failure)",
                "アドレスが見つかりませんでした\nメールは taro@example.jp に配信されませんでした。このアドレスが見つからないか、メールを受信できません。\n",
            ),
            "userunknown", "sender", true,
        ),
        // Gmail's older notice (public report: openresty/openresty.org#40).
        (
            "gmail failed permanently, old form",
            format!("Delivery to the following recipient failed permanently:\n\n     taro@example.com\n\nTechnical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server for the recipient domain example.com by mx.example.com. [192.0.2.3].\n\nThe error that the other server returned was:\n{GMAIL_NO_SUCH_USER_REPLY}"),
            "userunknown", "sender", true,
        ),
        // Gmail refusing a message as likely spam (public report: mysociety/writetothem#248).
        (
            "gmail likely unsolicited",
            "Message blocked\nYour message to taro@example.com has been blocked. See technical details below for more information.\nThe response was:\nOur system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.\n".into(),
            "spamdetected", "sender", false,
        ),
        // "Message blocked" with "Message rejected. See .../answer/69585" (public report: Ombi-app/Ombi#4916).
        (
            "gmail message blocked, rejected",
            "Message blocked\nYour message to taro@example.com has been blocked. See technical details below for more information.\nThe response was:\nMessage rejected. See https://support.google.com/mail/answer/69585 for more information.\n".into(),
            "spamdetected", "sender", false,
        ),
        // "Message not delivered ... the remote server is misconfigured" (public report: vendorsec/mvsp#46).
        (
            "gmail remote server misconfigured",
            "Message not delivered\nYour message couldn't be delivered to list@example.org because the remote server is misconfigured. See technical details below for more information.\n".into(),
            "systemerror", "recipient-admin", false,
        ),
        (
            "gmail not delivered, with a blocklist reply",
            "Message not delivered\nThere was a problem delivering your message to taro@example.com. See the technical details below.\nThe response from the remote server was:\n550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org\n".into(),
            "blocked", "sender-admin", false,
        ),
        ("gmail delivery incomplete, alone", GMAIL_INCOMPLETE.into(), "expired", "nobody", false),
        (
            "gmail delivery incomplete, with its reply",
            format!("{GMAIL_INCOMPLETE}The response was:\nThe recipient server did not accept our requests to connect. For more information, go to https://support.google.com/mail/answer/7720 [example.com 192.0.2.8: timed out]\n"),
            "expired", "nobody", false,
        ),
        (
            "gmail delivery incomplete, Japanese",
            "配信未完了\ntaro@example.jp へのメール配信で一時的な問題が発生しました。Gmail で今後 46 時間再試行します。配信が完全に失敗した場合は通知が届きます。\n".into(),
            "expired", "nobody", false,
        ),
        // Gmail's old delay warning (public report: lavab/web#493).
        (
            "gmail delay warning, old form",
            "This is an automatically generated Delivery Status Notification\n\nTHIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\nDelivery to the following recipient has been delayed:\n\n     taro@example.com\n\nMessage will be retried for 2 more day(s)\n".into(),
            "expired", "nobody", false,
        ),
        // --- Outlook.com / Microsoft 365 / Exchange ---
        ("outlook not found, alone", OUTLOOK_NOT_FOUND.into(), "userunknown", "sender", true),
        (
            "outlook not found, under the UI's header lines",
            format!("From: Microsoft Outlook <postmaster@example.com>\nSent: Monday, December 7, 2026 9:00 AM\nTo: sender@example.com\nSubject: Undeliverable: Meeting\n\n{OUTLOOK_NOT_FOUND}"),
            "userunknown", "sender", true,
        ),
        // Japanese Outlook (provider docs: learn.microsoft.com/ja-jp ... fix-error-code-550-5-1-1).
        (
            "outlook not found, Japanese",
            "taro@example.jp へのメッセージを配信できませんでした。\ntaro が example.jp に見つかりませんでした。\n必要な操作                                   受信者\n不明な宛先アドレス\n".into(),
            "userunknown", "sender", true,
        ),
        (
            "exchange not found, with the administrators' part",
            format!("{EXCHANGE_NOT_FOUND}\nDiagnostic information for administrators:\nGenerating server: mail.example.com\ntaro@example.com\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n"),
            "userunknown", "sender", true,
        ),
        // Exchange 2007's full mailbox (public report: oucs.ox.ac.uk email/failed, Quota).
        (
            "exchange mailbox full",
            "Delivery has failed to these recipients or groups:\n\ntaro@example.com\nThe recipient's mailbox is full and can't accept messages now. Please try resending this message later, or contact the recipient directly.\n".into(),
            "mailboxfull", "recipient", false,
        ),
        // A group for inside senders only (provider docs: learn.microsoft.com fix-error-code-5-7-1-in-exchange-online).
        (
            "outlook group accepts only its organisation",
            "Your message to group@example.org couldn't be delivered.\nThe group group only accepts messages from people in its organization or on its allowed senders list, and your email address isn't on the list.\nAction Required                                   Recipient\nSender not allowed\n".into(),
            "filtered", "recipient-admin", false,
        ),
        // 5.1.8 (provider docs: MicrosoftDocs/SupportArticles-docs non-delivery-reports-in-exchange-online).
        (
            "outlook sender unrecognized, outbound spam",
            "Your message to taro@example.com couldn't be delivered.\nYour message couldn't be delivered because you weren't recognized as a valid sender. The most common reason for this is that your email address is suspected of sending spam and it's no longer allowed to send messages outside of your organization.\nAction Required                                   Sender\nSender unrecognized\n".into(),
            "blocked", "sender-admin", false,
        ),
        (
            "exchange delivery delayed",
            "Delivery is delayed to these recipients or groups:\n\ntaro@example.com\n\nSubject: Meeting\n\nThis message hasn't been delivered yet. Delivery will continue to be attempted.\n\nThe server will keep trying to deliver this message for the next 1 days, 19 hours and 57 minutes. You'll be notified if the message can't be delivered by that time.\n".into(),
            "expired", "nobody", false,
        ),
        // Older Exchange (public report: https://snmail.co.uk/support/failure-dns.htm).
        (
            "exchange destination server not in DNS",
            "Your message\n\nSubject: Meeting\nSent: 07/12/2026 09:00\n\ndid not reach the following recipient(s):\n\ntaro@example.invalid on 07/12/2026 09:05\nThe destination server for this recipient could not be found in Domain Name Service (DNS). Please verify the email address and retry.\n<mail.example.org #5.4.0>\n".into(),
            "hostunknown", "sender", true,
        ),
        // Japanese Outlook's notice for an address outside RFC syntax (provider docs:
        // https://support.microsoft.com/ja-jp/kb/940620, 「無効な受信者」).
        (
            "outlook invalid recipient, Japanese",
            "このメールは、受信者全員または一部に届きませんでした。\n\n件名: 会議の件\n送信日時: 2026/12/07 9:00\n\n以下の受信者にメールを配信できません:\n\n'taro.@example.jp' 2026/12/07 9:00\n無効な受信者\n".into(),
            "userunknown", "sender", true,
        ),
        (
            "outlook invalid recipient, Japanese, under the UI's header lines",
            "From: Microsoft Outlook <postmaster@example.jp>\nTo: sender@example.jp\nSubject: 配信不能: 会議の件\nDate: Mon, 7 Dec 2026 09:00:00 +0900\n\nこのメールは、受信者全員または一部に届きませんでした。\n\n以下の受信者にメールを配信できません:\n\n'taro.@example.jp' 2026/12/07 9:00\n無効な受信者\n".into(),
            "userunknown", "sender", true,
        ),
        // Gmail's "Message blocked" quoting Exchange Online's directory-based edge blocking (public
        // report: qemu-devel, "[PATCH] MAINTAINERS: Inherit from nanoMIPS", 30 Oct 2022, quoting "550 5.4.1
        // Recipient address rejected: Access denied. AS(201806281)"; provider docs: Microsoft's
        // Exchange Online NDR reference): the receiving tenant knows no such recipient.
        (
            "gmail message blocked, EOP access denied",
            "Message blocked\n\nYour message to taro@example.com has been blocked. See technical details below for more information.\n\nThe response from the remote server was:\n550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB3EUR03FT030.eop-EUR03.prod.protection.outlook.com]\n".into(),
            "userunknown", "recipient-admin", true,
        ),
        // Google Workspace, the recipient's administrator's policy (provider docs:
        // support.google.com/a/answer/172179, linked from the notice).
        (
            "gmail message blocked by the recipient's administrator",
            "Message blocked\n\nYour message to taro@example.com has been blocked. See technical details below for more information.\n\nLearn more here: https://support.google.com/a/answer/172179\n\nThe response from the recipient enterprise administrator was:\nThe user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.\n".into(),
            "policyviolation", "recipient-admin", false,
        ),
        // --- Yahoo / AOL ---
        // (public report: postalserver/docs#17)
        (
            "yahoo permanently deferred",
            "<taro@yahoo.com>: host mta7.am0.yahoodns.net[192.0.2.4] said:\n    553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred;\n    Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes\n    (in reply to MAIL FROM command)\n".into(),
            "blocked", "sender-admin", false,
        ),
        // Yahoo's "mailbox not found" (public report: ActiveCampaign/smtp-field-manual data/codes/552.json).
        (
            "yahoo mailbox not found",
            "<taro@yahoo.com>:\n192.0.2.14 failed after I sent the message.\nRemote host said: 552 1 Requested mail action aborted, mailbox not found\n".into(),
            "userunknown", "sender", true,
        ),
        // --- iCloud ---
        // (public report: https://smtp.codes/icloud)
        (
            "icloud user does not exist",
            "<taro@icloud.com>: host mx01.mail.icloud.com[192.0.2.11] said: 550 5.1.1\n    <taro@icloud.com>: user does not exist (in reply to RCPT TO command)\n".into(),
            "userunknown", "sender", true,
        ),
        // (public report: chargebee.freshdesk.com article 259969, "5.2.2 ... user is over quota")
        (
            "icloud over quota",
            "<taro@icloud.com>: host mx01.mail.icloud.com[192.0.2.11] said: 552 5.2.2\n    <taro@icloud.com>: user is over quota (in reply to RCPT TO command)\n".into(),
            "mailboxfull", "recipient", false,
        ),
        // --- Japanese carriers and ISPs ---
        // au (provider docs: au.com online manual; the carrier's "User unknown" after RCPT).
        (
            "au user unknown, sendmail's notice",
            "The original message was received at Mon, 7 Dec 2026 09:00:00 +0900\n\n   ----- The following addresses had permanent fatal errors -----\n<taro@ezweb.ne.jp>\n    (reason: 550 <taro@ezweb.ne.jp>: User unknown)\n".into(),
            "userunknown", "sender", true,
        ),
        // WILLCOM (public report: nobuneko.com/blog/archives/2012/03/undelivered_mail_returned_to_s.html).
        (
            "willcom mailbox over its limit, with header lines",
            with_headers(
                "MAILER-DAEMON@pdx.ne.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                "This is the Postfix program at host mc.example.ne.jp.\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<taro@pdx.ne.jp>: host 192.0.2.12[192.0.2.12] said: 552 We failed to\ndeliver mail because the volume of recipient's mailbox exceeded the local\nlimit. taro@pdx.ne.jp (in reply to end of DATA command)\n",
            ),
            "mailboxfull", "recipient", false,
        ),
        // An ISP's sendmail with procmail (public report: digitallife2015.blogspot.com/2021/07/cant-create-output.html).
        (
            "procmail quota under sendmail's can't create output",
            "----- The following addresses had permanent fatal errors -----\n<taro@example.ne.jp>\n(reason: Can't create output)\n----- Transcript of session follows -----\nprocmail: Quota exceeded while writing \"/mb/example.ne.jp/taro/Mailbox\"\n550 5.0.0 <taro@example.ne.jp>... Can't create output\n".into(),
            "mailboxfull", "recipient", false,
        ),
        // A Japanese host's full mailbox (provider docs: goope.jp/info/information/?id=712).
        (
            "postfix mailbox is full",
            "<taro@example.jp>: host mx.example.jp[192.0.2.13] said: 552 5.2.2: Recipient address rejected: Mailbox is full (in reply to RCPT TO command)\n".into(),
            "mailboxfull", "recipient", false,
        ),
        // Microsoft's "provider rejected it" with the reply below (public report: sistemitec.com, as in
        // the rule microsoft-provider-rejected-it): the reply decides.
        (
            "outlook provider rejected it, with a content-filter reply",
            "Your message to taro@example.com couldn't be delivered.\nYour message wasn't delivered because the recipient's email provider rejected it.\nDiagnostic information for administrators:\nRemote server returned '550 5.7.1 Message rejected as spam by Content Filtering.'\n".into(),
            "spamdetected", "sender", false,
        ),
        // --- Postfix and Exim as a webmail shows them ---
        // (public report: OxfordDemSci/gwasdiversitymonitor#91)
        (
            "postfix recipient unknown",
            "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<taro@example.ac.uk>: host mail.example.ac.uk[192.0.2.5] said:\n    550 RPT-UNK: Recipient unknown. (in reply to RCPT TO command)\n".into(),
            "userunknown", "sender", true,
        ),
        // (public report: fsr/nopanic#40)
        (
            "postfix user unknown, under the UI's header lines",
            with_headers(
                "MAILER-DAEMON@mail.example.com (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<taro@example.de>: host mail.example.de[192.0.2.6] said: 550 5.1.1\n    <taro@example.de>: Recipient address rejected: User unknown in local\n    recipient table (in reply to RCPT TO command)\n",
            ),
            "userunknown", "sender", true,
        ),
        // (public report: freeCodeCamp/guide#1844: the sending domain's own hourly allowance)
        (
            "exim deferred, sending domain over its hourly allowance",
            "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a temporary error. The following address(es) deferred:\n\n  taro@example.com\n    Domain example.org has exceeded the max emails per hour (124/100 (124%)) allowed.  Message will be reattempted later\n".into(),
            "speeding", "sender", false,
        ),
        // (public report: hestiacp/hestiacp#2828)
        (
            "exim delay warning",
            "This message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its recipients after more than 72 hours on the queue on mail.example.org.\n\nThe address to which the message has not yet been delivered is:\n\n  taro@example.com\n\nNo action is required on your part. Delivery attempts will continue for some time, and this warning may be repeated at intervals if the message remains undelivered.\n".into(),
            "expired", "nobody", false,
        ),
        // (public report: uit.tufts.edu "Bounced Message Documentation", Unrouteable address)
        (
            "exim unrouteable address",
            "A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  taro@example.invalid\n    Unrouteable address\n".into(),
            "hostunknown", "sender", true,
        ),
    ]
}

#[test]
fn each_pasted_notice_gets_the_reason_and_party_its_source_gives() {
    let mut wrong = Vec::new();
    for (name, paste, reason, party, hard) in cases() {
        let d = explain(&paste, "en");
        let got = (
            d["reason"].as_str().unwrap_or("-").to_string(),
            d["party"].as_str().unwrap_or("-").to_string(),
            d["hard_bounce"].as_bool(),
        );
        if got != (reason.to_string(), party.to_string(), Some(hard)) {
            wrong.push(format!("{name}: want {reason}/{party}/{hard}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A notice whose reply line was cut off and whose own words name no cause: the answer says it
/// does not know (or guesses with low confidence) and blames no one.
#[test]
fn a_notice_without_its_cause_claims_no_confident_reason() {
    for paste in [
        // Exim's header words alone (public report: roundcube/roundcubemail#9053).
        "Mail delivery failed: returning message to sender\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error.\n",
        // Postfix's opening alone (public report: modoboa/modoboa-webmail#213, without its reply).
        "This is the mail system at host mail.example.org.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n",
        // Gmail's "Message not delivered" without its reply.
        "Message not delivered\nThere was a problem delivering your message to taro@example.com. See the technical details below.\n",
        // Microsoft's "provider rejected it" headline without the administrators' part (public
        // report: sistemitec.com, as in the rule microsoft-provider-rejected-it).
        "Your message to taro@example.com couldn't be delivered.\nYour message wasn't delivered because the recipient's email provider rejected it.\n",
        // Gmail's "Message blocked" without its reply (the qemu-devel notice above, cut short).
        "Message blocked\nYour message to taro@example.com has been blocked. See technical details below for more information.\n",
        // Gmail's Japanese "Message blocked" without its reply.
        "メールがブロックされました\ntaro@example.jp へのメールはブロックされました。詳しくは、下記の技術情報をご覧ください。\n",
    ] {
        let d = explain(paste, "en");
        let confidence = d["confidence"].as_str().unwrap_or("-");
        assert!(
            d["reason"] == "undefined" || confidence == "low",
            "{paste}: {d}"
        );
        assert!(
            matches!(d["party"].as_str(), None | Some("nobody")),
            "{paste}: party {}",
            d["party"]
        );
    }
}

/// What a person reads: the meaning, whose side must act, what to do and what not to do.
#[test]
fn a_pasted_notice_read_for_a_person() {
    for (name, lang, paste) in [
        ("gmail-address-not-found-en", "en", GMAIL_NOT_FOUND),
        (
            "outlook-not-found-ja",
            "ja",
            "taro@example.jp へのメッセージを配信できませんでした。\ntaro が example.jp に見つかりませんでした。\n必要な操作                                   受信者\n不明な宛先アドレス\n",
        ),
    ] {
        let out = bouncedoc()
            .args(["explain", "--lang", lang])
            .write_stdin(paste)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}
