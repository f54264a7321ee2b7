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
