//! Issue 15 point 5: the recipient of each diagnosis is the address the sender used, nothing
//! else in a report becomes a recipient, and formats that name their recipients only in prose
//! still give them. One test per case, each on a message shaped as its server writes it (the
//! shapes are cited in the readers' own comments).

use bouncedoc_mail::{Bounce, read_bytes};

fn read(raw: &str) -> Bounce {
    read_bytes(raw.as_bytes()).expect("a readable message")
}

/// The recipients of a message, as written.
fn recipients(raw: &str) -> Vec<String> {
    read(raw)
        .recipients
        .iter()
        .map(|r| r.recipient.clone().unwrap_or_else(|| "(none)".into()))
        .collect()
}

/// A delivery status notification with one recipient block of `fields`.
fn dsn(fields: &str) -> String {
    format!(
        "From: Mail Delivery Agent <MAILER-DAEMON@relay.example.net>\n\
         To: sender@example.org\n\
         Subject: Delivery report\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n\
         --B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n\
         --B\nContent-Type: message/delivery-status\n\n\
         Reporting-MTA: dns; relay.example.net\n\n\
         {fields}\
         Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n\
         --B\nContent-Type: text/rfc822-headers\n\n\
         From: sender@example.org\nTo: kijitora@example.jp\nSubject: hello\n\n--B--\n"
    )
}

// -- 1. A Final-Recipient that is an internal route gives way to the Original-Recipient.

#[test]
fn source_route_final_recipient() {
    let raw = dsn("Original-Recipient: rfc822;kijitora@example.jp\n\
         Final-Recipient: rfc822;@relay.example.net:kijitora@store01\n");
    let b = read(&raw);
    assert_eq!(b.recipients.len(), 1);
    let r = &b.recipients[0];
    assert_eq!(r.recipient.as_deref(), Some("kijitora@example.jp"));
    assert_eq!(
        r.final_recipient.as_deref(),
        Some("@relay.example.net:kijitora@store01")
    );
}

#[test]
fn daemon_address_final_recipient() {
    let raw = dsn("Final-Recipient: rfc822; kijitora@mailbox_daemon\n\
                   Original-Recipient: rfc822; kijitora@example.jp\n");
    assert_eq!(recipients(&raw), ["kijitora@example.jp"]);
    let raw = dsn("Final-Recipient: rfc822; kijitora@mailhub0\n\
                   Original-Recipient: rfc822; neko@example.jp\n");
    assert_eq!(recipients(&raw), ["neko@example.jp"]);
}

#[test]
fn host_less_and_local_type_final_recipient() {
    let raw = dsn("Final-Recipient: rfc822; kijitora\n\
                   Original-Recipient: rfc822; kijitora@example.jp\n");
    assert_eq!(recipients(&raw), ["kijitora@example.jp"]);
    let raw = dsn("Final-Recipient: LOCAL; kijitora@example.jp\n\
                   Original-Recipient: rfc822; neko@example.jp\n");
    assert_eq!(recipients(&raw), ["neko@example.jp"]);
    let raw = dsn("Final-Recipient: X-Local; /var/spool/mail/kijitora\n\
                   Original-Recipient: rfc822; kijitora@example.jp\n");
    assert_eq!(recipients(&raw), ["kijitora@example.jp"]);
}

#[test]
fn internal_domain_final_recipient() {
    for internal in [
        "kijitora@mbox.example.local",
        "kijitora@localhost",
        "kijitora@store.internal",
        "kijitora@exch01.corp.localdomain",
    ] {
        let raw = dsn(&format!(
            "Final-Recipient: rfc822; {internal}\nOriginal-Recipient: rfc822; kijitora@example.jp\n"
        ));
        let b = read(&raw);
        assert_eq!(
            b.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp"),
            "{internal}"
        );
        assert_eq!(b.recipients[0].final_recipient.as_deref(), Some(internal));
    }
}

/// Without an Original-Recipient, a final recipient on an internal host gives way to the
/// returned message's addressee of the same local part.
#[test]
fn internal_final_recipient_and_the_returned_addressee() {
    let raw = dsn("Final-Recipient: rfc822; Kijitora@mailhub0\n");
    let b = read(&raw);
    assert_eq!(
        b.recipients[0].recipient.as_deref(),
        Some("kijitora@example.jp")
    );
    assert_eq!(
        b.recipients[0].final_recipient.as_deref(),
        Some("Kijitora@mailhub0")
    );
    // Another local part is another mailbox: the final recipient stays.
    let raw = dsn("Final-Recipient: rfc822; neko@mailhub0\n");
    assert_eq!(recipients(&raw), ["neko@mailhub0"]);
}

/// A forward to another public address is where the message really failed: the final
/// recipient stays.
#[test]
fn a_public_final_recipient_stays() {
    let raw = dsn("Final-Recipient: rfc822; neko@example.org\n\
                   Original-Recipient: rfc822; kijitora@example.jp\n");
    let b = read(&raw);
    assert_eq!(
        b.recipients[0].recipient.as_deref(),
        Some("neko@example.org")
    );
    assert_eq!(b.recipients[0].final_recipient, None);
}

/// Without an Original-Recipient, a source route is read as RFC 5321 says a server should
/// read it: the mailbox after the route.
#[test]
fn source_route_without_an_original_recipient() {
    let raw =
        dsn("Final-Recipient: rfc822; <@relay.example.net,@mx.example.jp:kijitora@example.jp>\n");
    assert_eq!(recipients(&raw), ["kijitora@example.jp"]);
}

// -- 2. No spurious recipients.

/// The "Original Message Details" of an Exchange Online report name the sender.
#[test]
fn sender_address_line_is_no_recipient() {
    let raw = "From: postmaster@example.org\nTo: bounces+nyaan@example.com\nSubject: Undeliverable: Nyaan\n\n\
Delivery has failed to these recipients or groups:\n\n\
kijitora@example.jp\n\
The email address you entered couldn't be found.\n\n\
Original Message Details\n\
Created Date:   4/29/2017 11:23:34 PM\n\
Sender Address: neko@example.com\n\
Recipient Address:      kijitora@example.jp\n\
Subject:        Nyaan\n\n\
Error Details\n\
Reported error:  550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
}

/// Exim's `print_address_information` (deliver.c) writes the address an alias was expanded
/// from on a line of its own: `(generated from ...)`, or `generated by` for a pipe.
#[test]
fn exim_generated_from_is_no_recipient() {
    // Headers that do not say Exim: the generic reader sees the same lines.
    let raw = "From: mailer@mx.example.org\nTo: sender@example.com\nSubject: Mail delivery failed\n\n\
A message that you sent could not be delivered to one or more of its\n\
recipients. This is a permanent error. The following address(es) failed:\n\n\
  kijitora@example.jp\n\
    (generated from neko@example.org)\n\
    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n\
    host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown\n\n\
------ This is a copy of the message, including all the headers. ------\n\n\
From: sender@example.com\nTo: neko@example.org\n\nhello\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
    let exim = raw.replace(
        "From: mailer@mx.example.org",
        "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nX-Failed-Recipients: kijitora@example.jp",
    );
    assert_eq!(recipients(&exim), ["kijitora@example.jp"]);
    let pipe = "From: mailer@mx.example.org\nTo: sender@example.com\nSubject: Mail delivery failed\n\n\
The following address(es) failed:\n\n\
  pipe to |/usr/local/bin/filter\n\
    generated by kijitora@example.jp\n\
    Child process of filter transport returned 75 (could mean temporary error) from command: /usr/local/bin/filter\n";
    assert_eq!(recipients(pipe), ["kijitora@example.jp"]);
}

/// The bounce's own sender and return path, a postmaster named in the prose and the
/// original message's sender are no recipients.
#[test]
fn the_reports_own_addresses_are_no_recipients() {
    let raw = "Return-Path: <bounces@relay.example.net>\nFrom: Delivery Service <daemon@relay.example.net>\nTo: sender@example.com\nSubject: Undeliverable mail\n\n\
Your message from sender@example.com could not be delivered.\n\
Questions: hostmaster@relay.example.net\n\
bounces@relay.example.net\n\n\
kijitora@example.jp: mailbox unavailable\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
    // The original message's sender, quoted in the report's text.
    let raw = "From: daemon@relay.example.net\nTo: list-bounces@example.com\nSubject: Undeliverable mail\nContent-Type: multipart/mixed; boundary=\"B\"\n\n\
--B\nContent-Type: text/plain\n\n\
From: owner@example.com\n\
kijitora@example.jp: mailbox unavailable\n\n\
--B\nContent-Type: message/rfc822\n\n\
From: owner@example.com\nTo: kijitora@example.jp\nSubject: hi\n\nhello\n--B--\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
}

// -- 3. Addresses given only in prose.

/// AOL's old report listed the screen names that failed, one a line, without a domain
/// (the shape GNU Mailman's and flufl.bounce's AOL detectors read).
#[test]
fn aol_style_list_of_screen_names() {
    let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@aol.com>\nTo: sender@example.com\nSubject: Returned mail: User unknown\n\n\
The mail you sent could not be delivered to:\n\n\
kijitora\n\
sabatora\n\n\
Your mail to the following recipients could not be delivered because they are not accepting mail from sender@example.com:\n";
    assert_eq!(recipients(raw), ["kijitora@aol.com", "sabatora@aol.com"]);
}

/// The domain of a bare local part is that of the returned message's addressee when the
/// local parts agree.
#[test]
fn bare_local_part_takes_the_domain_of_the_original_addressee() {
    let raw = "From: MAILER-DAEMON@mx1.example.jp\nTo: sender@example.com\nSubject: Undeliverable mail\nContent-Type: multipart/mixed; boundary=\"B\"\n\n\
--B\nContent-Type: text/plain\n\n\
Mail to the following recipients could not be delivered:\n\n\
Kijitora\n\n\
--B\nContent-Type: message/rfc822\n\n\
From: sender@example.com\nTo: Kijitora <kijitora@example.jp>\nSubject: hi\n\nhello\n--B--\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
}

/// Sendmail's transcript (deliver.c, savemail.c) without an RFC 3464 part and under a
/// subject other than "Returned mail:".
#[test]
fn sendmail_transcript_without_a_report_part() {
    let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\nTo: sender@example.com\nSubject: Warning: could not send message for past 4 hours\n\n\
    **********************************************\n\
    **      THIS IS A WARNING MESSAGE ONLY      **\n\
    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n\
    **********************************************\n\n\
The original message was received at Mon, 1 Jan 2001 00:00:00 +0900\n\
from sender@example.com\n\n\
   ----- Transcript of session follows -----\n\
<kijitora@example.jp>... Deferred: Connection timed out with mx.example.jp.\n\
Warning: message still undelivered after 4 hours\n\
Will keep trying until message is 5 days old\n";
    let b = read(raw);
    let got: Vec<_> = b.recipients.iter().map(|r| r.recipient.clone()).collect();
    assert_eq!(got, [Some("kijitora@example.jp".to_string())]);
    assert!(b.recipients[0].diagnostic.contains("Deferred"));

    let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\nTo: sender@example.com\nSubject: Undeliverable mail\n\n\
The original message was received at Mon, 1 Jan 2001 00:00:00 +0900\n\
from sender@example.com\n\n\
   ----- The following addresses had permanent fatal errors -----\n\
<kijitora@example.jp>\n\
<sabatora@example.jp>\n\n\
   ----- Transcript of session follows -----\n\
... while talking to mx.example.jp.:\n\
>>> RCPT To:<kijitora@example.jp>\n\
<<< 550 5.1.1 <kijitora@example.jp>... User unknown\n\
550 5.1.1 <kijitora@example.jp>... User unknown\n\
>>> RCPT To:<sabatora@example.jp>\n\
<<< 552 5.2.2 <sabatora@example.jp>... Mailbox full\n\
552 5.2.2 <sabatora@example.jp>... Mailbox full\n";
    let b = read(raw);
    let got: Vec<_> = b
        .recipients
        .iter()
        .map(|r| {
            (
                r.recipient.clone().unwrap_or_default(),
                r.diagnostic.clone(),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "kijitora@example.jp");
    assert!(got[0].1.contains("User unknown"), "{got:?}");
    assert_eq!(got[1].0, "sabatora@example.jp");
    assert!(got[1].1.contains("Mailbox full"), "{got:?}");
}

/// A local delivery in Sendmail's transcript names the user without a domain
/// (`kijitora... User unknown`): the domain is the returned message's addressee's.
#[test]
fn sendmail_local_user_without_a_domain() {
    let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>\nTo: sender@example.com\nSubject: Returned mail: User unknown\n\n\
   ----- Transcript of session follows -----\n\
550 kijitora... User unknown\n\n\
   ----- Unsent message follows -----\n\
From: sender@example.com\nTo: kijitora@example.jp\nSubject: hi\n\nhello\n";
    let b = read(raw);
    assert_eq!(b.recipients.len(), 1);
    assert_eq!(
        b.recipients[0].recipient.as_deref(),
        Some("kijitora@example.jp")
    );
    assert!(b.recipients[0].diagnostic.contains("User unknown"));
}

/// qmail-send's paragraphs (`<address>:` then the words) under an opening no qmail
/// detector knows.
#[test]
fn qmail_style_paragraphs_under_an_unknown_opening() {
    let raw = "From: MAILER-DAEMON@mx.example.org\nTo: sender@example.com\nSubject: failure notice\n\n\
Hola. Este es el programa de entrega en mx.example.org.\n\
No se pudo entregar su mensaje a las siguientes direcciones.\n\n\
<kijitora@example.jp>:\n\
192.0.2.1 does not like recipient.\n\
Remote host said: 550 5.1.1 User unknown\n\
Giving up on 192.0.2.1.\n\n\
<sabatora@example.jp>:\n\
This user's mailbox is over quota. (#5.2.2)\n\n\
--- Below this line is a copy of the message.\n\n\
From: sender@example.com\nTo: kijitora@example.jp\n\nhello\n";
    let b = read(raw);
    let got: Vec<_> = b.recipients.iter().map(|r| r.recipient.clone()).collect();
    assert_eq!(
        got,
        [
            Some("kijitora@example.jp".to_string()),
            Some("sabatora@example.jp".to_string())
        ]
    );
    assert!(b.recipients[1].diagnostic.contains("over quota"));
}

/// A sentence that names the failed addresses ("I could not deliver your message to ...",
/// the non-standard qmail report GNU Mailman's `simplematch` reads by "this is the email
/// server at").
#[test]
fn addresses_named_in_a_sentence() {
    let raw = "From: MAILER-DAEMON@mx.example.org\nTo: list-bounces@example.org\nSubject: failure notice\n\n\
This is the email server at mx.example.org.\n\
I could not deliver your message to kijitora@example.jp, sabatora@example.jp.\n\
The mailboxes do not exist.\n\n\
-- Original message\n";
    let b = read(raw);
    let got: Vec<_> = b.recipients.iter().map(|r| r.recipient.clone()).collect();
    assert_eq!(
        got,
        [
            Some("kijitora@example.jp".to_string()),
            Some("sabatora@example.jp".to_string())
        ]
    );
    // Both take the sentence and the lines around it.
    assert!(
        b.recipients
            .iter()
            .all(|r| r.diagnostic.contains("do not exist"))
    );
    // A sentence that names an address without saying a delivery failed names no recipient.
    let raw = "From: MAILER-DAEMON@mx.example.org\nTo: list-bounces@example.org\nSubject: failure notice\n\n\
This is the email server at mx.example.org. Your message was forwarded to neko@example.net.\n\n\
<kijitora@example.jp>:\nmailbox full\n";
    assert_eq!(recipients(raw), ["kijitora@example.jp"]);
}

/// GroupWise lists its recipients with a note each, some by their local part alone.
#[test]
fn a_list_of_users_with_notes() {
    let raw = "From: postmaster@example.com\nTo: list-bounces@example.org\nSubject: Message status - undeliverable\n\n\
The message that you sent was undeliverable to the following:\n\
\tkijitora (user not found)\n\
\tsabatora@example.jp (host not found)\n\n\
Possible causes:\n";
    assert_eq!(
        recipients(raw),
        ["kijitora@example.com", "sabatora@example.jp"]
    );
}

/// Sendmail 8's report without a report part, signed by a bare `MAILER-DAEMON` and with the
/// returned message in its text: savemail.c's "The original message was received at"
/// opens the report, not the returned message.
#[test]
fn sendmail_8_report_in_one_text() {
    let raw = "From: MAILER-DAEMON@mx.example.org\nTo: sender@example.com\nSubject: Returned mail: User unknown\n\n\
The original message was received at Mon, 1 Jan 2001 00:00:00 +0900\n\
from localhost [127.0.0.1]\n\n\
   ----- The following addresses had permanent fatal errors -----\n\
<kijitora@example.jp>\n\n\
   ----- Transcript of session follows -----\n\
... while talking to mx.example.jp.:\n\
>>> RCPT To:<kijitora@example.jp>\n\
<<< 550 5.1.1 <kijitora@example.jp>... User unknown\n\
550 5.1.1 <kijitora@example.jp>... User unknown\n\n\
   ----- Original message follows -----\n\
From: sender@example.com\nTo: neko@example.org\nSubject: hi\n\nhello\n";
    let b = read(raw);
    assert_eq!(b.recipients.len(), 1);
    assert_eq!(
        b.recipients[0].recipient.as_deref(),
        Some("kijitora@example.jp")
    );
    assert!(b.recipients[0].diagnostic.contains("User unknown"));
}
