//! The replies that mail servers and filters write, one table per server or filter: every
//! reply its source code or documentation emits (in a reply of this project's own writing
//! around the fixed words, shaped as the server sends it) must decide the reason and the
//! party that the source's own explanation of it gives. The file or page each table comes
//! from is named above it; the rules cite the same places in their `source`.

#[path = "support/reply_table.rs"]
mod reply_table;

use reply_table::check;

/// Postfix smtpd/smtpd_check.c: the refusals of unknown recipients and of relaying.
#[test]
fn postfix_smtpd_recipient_checks() {
    check(
        "Postfix smtpd_check.c",
        &[
            (
                "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table",
                "userunknown",
                "sender",
            ),
            (
                "554 5.7.1 <hanako@example.org>: Relay access denied",
                "norelaying",
                "sender",
            ),
        ],
    );
}

/// hMailServer hmailserver/source/Server/SMTP/SMTPConnection.cpp and RecipientParser.cpp (the
/// replies to MAIL, RCPT and DATA, the recipient checks), the anti-spam tests under
/// Server/Common/AntiSpam/ (SpamTestSPF.cpp, SpamTestDKIM.cpp, SpamTestPTR.cpp,
/// SpamTestMXRecords.cpp, SpamTestHeloHost.cpp, SpamTestSpamAssassin.cpp) and the default
/// DNSBL/SURBL reject messages of DBScripts/CreateTablesMYSQL.sql.
#[test]
fn hmailserver_smtp_replies() {
    check(
        "hMailServer SMTPConnection.cpp",
        &[
            ("550 Unknown user", "userunknown", "sender"),
            ("550 Account is not active.", "suspend", "recipient"),
            ("550 Alias is not active.", "suspend", "recipient"),
            // The whole recipient domain is switched off on the server: the receiving
            // organisation's own setting, so its administrator acts.
            (
                "550 Domain has been disabled.",
                "suspend",
                "recipient-admin",
            ),
            // A route that takes only the addresses listed for it: any other address of the
            // routed domain is refused as unknown.
            ("550 Recipient not in route list.", "userunknown", "sender"),
            (
                "550 Mail server configuration error. Too many recursive forwards.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "550 Delivery is not allowed to this address.",
                "norelaying",
                "sender",
            ),
            (
                "530 SMTP authentication is required.",
                "securityerror",
                "sender",
            ),
            // A distribution list whose mode needs its owner, its domain's members or its own
            // members. (Its fourth mode answers "SMTP authentication required.", words that
            // cannot be told from a server asking the mail program to log in.)
            ("550 Not authorized owner.", "rejected", "recipient-admin"),
            ("550 Not authorized domain.", "rejected", "recipient-admin"),
            ("550 Not authorized sender.", "rejected", "recipient-admin"),
            // Read as the generic rule of reasons/toomanyconn.toml reads it: the sending server
            // is to send the rest in another transaction.
            ("550 Too many recipients.", "toomanyconn", "sender-admin"),
            (
                "552 Message size exceeds fixed maximum message size. Size: 30720 KB, Max size: 20480 KB",
                "mesgtoobig",
                "sender",
            ),
            (
                "554 Rejected - Message size exceeds fixed maximum message size. Size: 30720 KB, Max size: 20480 KB",
                "mesgtoobig",
                "sender",
            ),
            (
                "552 Message size exceeds the drop maximum message size. Size: 30720 KB, Max size: 20480 KB - DROP!",
                "mesgtoobig",
                "sender",
            ),
            (
                "554 Rejected - Message containing bare LF's.",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "550 Invalid syntax. Syntax should be MAIL FROM:<mailbox@domain>[crlf]",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "550 Invalid syntax. Syntax should be RCPT TO:<mailbox@domain>[crlf]",
                "syntaxerror",
                "sender-admin",
            ),
            ("550 A valid address is required.", "syntaxerror", "sender"),
            (
                "501 EHLO Invalid domain address.",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "530 Must issue STARTTLS first.",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "530 A SSL/TLS-connection is required for authentication.",
                "securityerror",
                "sender",
            ),
            (
                "535 Authentication failed. Too many invalid logon attempts.",
                "securityerror",
                "sender",
            ),
            (
                "535 Authentication failed. Restarting authentication process.",
                "securityerror",
                "sender",
            ),
            (
                "550 Login credentials no longer valid. Please re-authenticate.",
                "securityerror",
                "sender",
            ),
            ("550 Rejected by Spamhaus.", "blocked", "sender-admin"),
            ("550 Rejected by SpamCop.", "blocked", "sender-admin"),
            // SURBL lists the web addresses in the message's body: the content is refused.
            ("554 Rejected by SURBL.", "spamdetected", "sender"),
            (
                "550 Blocked by SPF. (Please see http://www.open-spf.org/Why?s=mfrom;id=taro%40example.jp;ip=192.0.2.10;r=mx.example.org)",
                "authfailure",
                "sender-admin",
            ),
            ("554 Rejected by DKIM.", "authfailure", "sender-admin"),
            (
                "550 No valid rDNS/PTR record found.",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 The host name specified in HELO does not match IP address.",
                "blocked",
                "sender-admin",
            ),
            (
                "550 Sender domain does not have any MX records.",
                "rejected",
                "sender-admin",
            ),
            (
                "554 Tagged as Spam by SpamAssassin",
                "spamdetected",
                "sender",
            ),
            // Greylisting (SMTPConnection.cpp, PerformGreyListing): words that do not name it,
            // so only the code speaks; time cures it either way.
            ("451 Please try again later.", "systemerror", "nobody"),
            (
                "554 Your message was received but it could not be saved. Please retry later.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "421 Excessive amounts of data sent to server.",
                "mesgtoobig",
                "sender",
            ),
            // SMTPClientConnection.cpp: the reasons the sending hMailServer records itself.
            (
                "Server does not support STARTTLS.",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "There was a timeout while talking to the remote server.",
                "networkerror",
                "nobody",
            ),
        ],
    );
}

/// Zimbra zm-mailbox store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java (the LMTP replies
/// of the mailbox server) and store/src/java/com/zimbra/cs/milter/MilterHandler.java (the
/// distribution-list restrictions its milter answers).
#[test]
fn zimbra_lmtp_replies() {
    check(
        "Zimbra LmtpReply.java",
        &[
            ("550 5.1.1 No such user here", "userunknown", "sender"),
            ("552 5.2.2 Over quota", "mailboxfull", "recipient"),
            ("452 4.2.2 Over quota", "mailboxfull", "recipient"),
            (
                "450 4.2.1 Mailbox disabled, not accepting messages",
                "suspend",
                "recipient",
            ),
            (
                "450 4.2.0 Mailbox is not on this server",
                "systemerror",
                "recipient-admin",
            ),
            (
                "451 4.2.2 Server accepts messages only on TLS connection",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "500 5.5.2 Syntax error in recipient address",
                "syntaxerror",
                "sender",
            ),
            (
                "501 5.5.4 Syntax error in sender address",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "421 4.3.2 Service not available, closing transmission channel",
                "notaccept",
                "nobody",
            ),
            (
                "451 4.0.0 Temporary message delivery failure try again",
                "systemerror",
                "nobody",
            ),
            (
                "571 Sender is not allowed to email this distribution list: staff@example.jp",
                "rejected",
                "recipient-admin",
            ),
            (
                "571 Recipient taro@example.jp is not allowed to forward to this distribution list: staff@example.jp",
                "rejected",
                "recipient-admin",
            ),
        ],
    );
}
