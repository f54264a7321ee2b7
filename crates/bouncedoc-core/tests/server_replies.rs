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
            // LmtpConfig.java and ServerConfig.java: the server's description in the reply.
            (
                "421 mail.example.jp Zimbra LMTP server closing connection; service busy",
                "systemerror",
                "nobody",
            ),
            (
                "421 mail.example.jp Zimbra LMTP server Timeout exceeded",
                "networkerror",
                "nobody",
            ),
        ],
    );
}

/// HCL Domino's router error texts, as copied from the Domino C API in klehmann/domino-jna
/// domino-jna/src/main/java/com/mindoo/domino/jna/errors/errortexts/IRouteErr.java (and
/// INsfErr.java for the mail file's quota and the mail rules).
#[test]
fn domino_router_errors() {
    check(
        "Domino IRouteErr.java",
        &[
            (
                "User taro.yamada (taro@example.jp) not listed in Domino Directory",
                "userunknown",
                "sender",
            ),
            (
                "Recipient user name Taro Yamada not unique.  Several matches found in Domino Directory.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Recipient's Domino Directory entry does not specify a valid Notes mail file",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Router: Database disk quota exceeded",
                "mailboxfull",
                "recipient",
            ),
            (
                "Router: Recipient's mail file size exceeds the maximum size allowed for mail delivery.",
                "mailboxfull",
                "recipient",
            ),
            (
                "Unable to write to database - database mail\\tyamada.nsf would exceed its disk quota of 1048576 KB by 2048 KB.",
                "mailboxfull",
                "recipient",
            ),
            (
                "The size of this message exceeds the administrator specified maximum message size for this server",
                "mesgtoobig",
                "sender",
            ),
            (
                "Router: Unable to dispatch message. Size exceeds 10240 KBytes",
                "mesgtoobig",
                "sender",
            ),
            (
                "Router: Unable to dispatch message. Effective size, number of recipients times message size, 51200 exceeds 40960 KBytes",
                "mesgtoobig",
                "sender",
            ),
            (
                "Maximum hop count exceeded.  Message probably in a routing loop.",
                "networkerror",
                "recipient-admin",
            ),
            (
                "Maximum forwarding loop count exceeded.  Message probably in a forwarding loop. Examine Forwarding Address of intended recipient in Domino Directory.",
                "networkerror",
                "recipient-admin",
            ),
            (
                "No route found to domain example.jp from server MAIL01/EXAMPLE.  Check DNS configuration.",
                "hostunknown",
                "sender",
            ),
            (
                "No route found to server MAIL02/EXAMPLE from server MAIL01/EXAMPLE.  Check Server and Connection documents in the Domino Directory.",
                "systemerror",
                "recipient-admin",
            ),
            // Restrictions a Domino administrator set (users or groups that take mail from some
            // senders only, domains or users the server does not route for): the source's own
            // words; the organisation that set them acts.
            (
                "Not authorized to send mail to this user or group",
                "rejected",
                "recipient-admin",
            ),
            (
                "Your Domain does not have access to route messages to the specified domain.",
                "rejected",
                "recipient-admin",
            ),
            (
                "Router: taro@example.jp is restricted from sending mail through server MAIL01/EXAMPLE",
                "rejected",
                "recipient-admin",
            ),
            (
                "Router: Mailbox is not available",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Unable to open mailbox file mail.box",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Insufficient memory - Router pool is full.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Insufficient Queue Space - Router message queue is full.",
                "systemfull",
                "recipient-admin",
            ),
            (
                "Group expansion results exceed maximum size",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Groups cannot be nested more than 20 levels deep.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "DNS is unavailable, message will be requeued.",
                "networkerror",
                "nobody",
            ),
            (
                "Router: Failed to connect to SMTP host mx.example.jp because Connection refused",
                "networkerror",
                "nobody",
            ),
            (
                "Router: SMIME Encryption key not available for recipient",
                "securityerror",
                "sender",
            ),
            (
                "Document has been rejected by mail rule",
                "filtered",
                "recipient",
            ),
        ],
    );
}

/// SmarterMail's report lines as hosting companies' help pages quote them:
/// http://kb.indsoft.net/kb/a70/common-email-delivery-errors.aspx and
/// http://support.rackteam.com/kb/a136/common-email-delivery-errors-you-may-receive.aspx.
#[test]
fn smartermail_report_reasons() {
    check(
        "SmarterMail help pages",
        &[
            (
                "Reason: Failed to connect to the recipients mail server. No MX records were found for the 'example.jp' domain.",
                "hostunknown",
                "sender",
            ),
            // The retries ran out without a connection: the receiving side could not be reached.
            (
                "Failed four Attempts to connect to recipients mail server",
                "networkerror",
                "recipient-admin",
            ),
            ("Reason: The mailbox is full", "mailboxfull", "recipient"),
            (
                "Reason: The domain size limit has been exceeded",
                "systemfull",
                "recipient-admin",
            ),
        ],
    );
}

/// IceWarp's table of its SMTP errors (docs.icewarp.com, "Interpretation of 5xx Errors in
/// Icewarp SMTP"), the same table as Merak's FAQ at
/// http://www.prosygma.com/aide/Interpretation-des-messages-5xx-dans-merak--114.htm.
#[test]
fn icewarp_smtp_errors() {
    check(
        "IceWarp 5xx table",
        &[
            (
                "501 5.5.2 Domain name required",
                "syntaxerror",
                "sender-admin",
            ),
            ("501 5.5.2 Unbalanced", "syntaxerror", "sender-admin"),
            (
                "501 5.5.4 Syntax error in parameters scanning",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "501 5.5.1 HELO/EHLO requires domain address",
                "syntaxerror",
                "sender-admin",
            ),
            ("501 5.7.0 Authentication failed", "securityerror", "sender"),
            ("501 5.7.1 Message is too long", "mesgtoobig", "sender"),
        ],
    );
}

/// MailEnable's relay refusal, as a MailEnable operator's log filter quotes it (a script that
/// reads "C:\Program Files (x86)\Mail Enable\Logging\SMTP"), and MDaemon's over-quota reply
/// from its manual (default_domain_and_servers_servers.htm: "...sends 552 when account is
/// over quota (otherwise sends 452)").
#[test]
fn mailenable_and_mdaemon_replies() {
    check(
        "MailEnable and MDaemon",
        &[
            (
                "503 This mail server requires authentication when attempting to send to a non-local e-mail address. Please check your mail client settings or contact your administrator to verify that the domain or address is defined for this server.",
                "norelaying",
                "sender",
            ),
            (
                "503 Too many invalid commands were received",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "552 Requested mail action aborted: exceeded storage allocation",
                "mailboxfull",
                "recipient",
            ),
            (
                "550 5.7.1 Backscatter protection detected an invalid or expired email address",
                "rejected",
                "sender-admin",
            ),
        ],
    );
}

/// Kerio Connect's support articles: "Outbound Email Delivery Troubleshooting" ("550 5.7.1
/// Relaying is denied"), "Fixing SMTP NTLM authentication failures" ("550 5.7.1 Authentication
/// Required") and "Message rejected as malware or phishing spam".
#[test]
fn kerio_connect_replies() {
    check(
        "Kerio Connect support articles",
        &[
            ("550 5.7.1 Relaying is denied", "norelaying", "sender"),
            (
                "550 5.7.1 Authentication Required",
                "securityerror",
                "sender",
            ),
            (
                "554 Message rejected as malware spam",
                "spamdetected",
                "sender",
            ),
        ],
    );
}

/// Ipswitch IMail's report lines as a university's IMail help page quotes them
/// (http://www.sxu.edu/info_svcs/imail/fullmailbox.asp) and as GNU Mailman's detector reads
/// them (wRAR/flufl.bounce flufl/bounce/_detectors/simplematch.py).
#[test]
fn imail_report_lines() {
    check(
        "IMail",
        &[
            (
                "User mailbox exceeds allowed size: kijitora@example.co.jp",
                "mailboxfull",
                "recipient",
            ),
            (
                "Invalid final delivery userid: kijitora@example.jp",
                "userunknown",
                "sender",
            ),
            ("Unknown user: kijitora@example.jp", "userunknown", "sender"),
            ("Unknown host: example.invalid", "hostunknown", "sender"),
            (
                "550 Requested action not taken: virus detected",
                "virusdetected",
                "sender",
            ),
        ],
    );
}

/// Oracle (Sun, iPlanet) Messaging Server: the Administration Guide's "Illegal Host/Domain
/// Errors" (docs.oracle.com/cd/E19636-01/819-2650/bgbid), PMDF's book
/// (vsm.com.au/pmdf_root/doc/html/sysman/book_wd4.html), and the DSN a mac.com Messaging
/// Server sent that zotonic/zotonic src/smtp/z_email_receive_check.erl quotes.
#[test]
fn messaging_server_reports() {
    check(
        "Messaging Server",
        &[
            (
                "Status: 5.4.4 (Illegal host/domain name found)",
                "hostunknown",
                "sender",
            ),
            (
                "Status: 4.4.7 (unable to deliver this message after 2 days)",
                "expired",
                "nobody",
            ),
        ],
    );
}

/// CommuniGate Pro's LOCAL module report, as a public paste of one of its bounces quotes it
/// (https://pastebin.com/UBXPuzBK, Received "by mx10.intranet.ru (CommuniGate Pro SMTP 4.3.11)").
#[test]
fn communigate_local_module() {
    check(
        "CommuniGate Pro",
        &[(
            "Failed to deliver to 'taro@example.jp' LOCAL module(account taro@example.jp) reports: account is full (quota exceeded)",
            "mailboxfull",
            "recipient",
        )],
    );
}

/// hMailServer's own bounce texts: hmailserver/source/Server/SMTP/ExternalDelivery.cpp,
/// LocalDelivery.cpp, SMTPClientConnection.cpp and Server/Common/TCPIP/TCPConnection.cpp.
#[test]
fn hmailserver_bounce_texts() {
    check(
        "hMailServer ExternalDelivery.cpp",
        &[
            (
                "Error Type: SMTP Error Description: No mail servers appear to exists for the recipient's address. Additional information: Please check that you have not misspelled the recipient's email address.",
                "hostunknown",
                "sender",
            ),
            (
                "Error Type: SMTP Error Description: Unable to find the recipient's email server. The DNS query has failed.",
                "networkerror",
                "nobody",
            ),
            // The sending server's own smarthost setting.
            (
                "Error Type: SMTP Error Description: The host specified as SMTP relay server could not be found. Please contact your server administrator.",
                "systemerror",
                "sender-admin",
            ),
            (
                "Error Type: SMTP Error Description: Inbox is full Additional information: The recipients inbox is full.",
                "mailboxfull",
                "recipient",
            ),
            ("Remote server closed connection.", "networkerror", "nobody"),
            (
                "Error Type: SMTP Connection to recipients server failed. Error: 10060",
                "networkerror",
                "nobody",
            ),
            (
                "Excessive amount of data sent to server.",
                "mesgtoobig",
                "sender",
            ),
            (
                "Could not connect to 192.0.2.1 on port 25 since this would mean connecting to myself.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "Error Type: SMTP Remote server (192.0.2.25) issued an error. hMailServer sent: RCPT TO:<taro@example.jp> Remote server replied: 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in virtual mailbox table",
                "userunknown",
                "sender",
            ),
        ],
    );
}

/// Novell (Micro Focus) GroupWise Internet Agent: support.microfocus.com/kb/doc.php?id=3020709
/// (GWIA answering "550 Host unknown" for every outbound message).
#[test]
fn groupwise_internet_agent() {
    // The article's case is a relay-host switch left empty in GWIA.CFG, so that GWIA looked up
    // a host named after the next switch; the words themselves say the destination host is
    // unknown, which is how they read wherever the reply does not say more.
    check(
        "GroupWise GWIA",
        &[("550 Host unknown", "hostunknown", "sender")],
    );
}
