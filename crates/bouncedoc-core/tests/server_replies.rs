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

/// Exim src/src/configure.default (the default ACLs: "Restricted characters in address",
/// "Rejected for too many bad recipients", "relay not permitted", the DNSBL and virus
/// examples, "maximum allowed line length is 998 octets", "header syntax", the redirect
/// router's `cannot_route_message = Unknown user`); src/src/smtp_in.c (the default
/// "Administrative prohibition", "Verification failed for <%s>", "Postmaster verification
/// failed while checking", "Callback setup failed while verifying", "Message size exceeds
/// maximum permitted", "too many recipients", "Too many concurrent SMTP connections", "Too
/// much load", "Space shortage", "sender/recipient address must contain a domain", "Incorrect
/// authentication data", "SMTP synchronization error"); src/src/acl.c ("Sender verify failed",
/// "Could not complete sender verify"); src/src/verify.c ("Callout verification failed:").
#[test]
fn exim_smtp_acl_replies() {
    check(
        "Exim configure.default, smtp_in.c, acl.c, verify.c",
        &[
            ("550 Unknown user", "userunknown", "sender"),
            ("550 Unrouteable address", "hostunknown", "sender"),
            (
                "550 Restricted characters in address",
                "syntaxerror",
                "sender",
            ),
            ("550 relay not permitted", "norelaying", "sender"),
            (
                "550 rejected because 192.0.2.8 is in a black list at zen.example.net\nhttps://zen.example.net/query/ip/192.0.2.8",
                "blocked",
                "sender-admin",
            ),
            (
                "550 rejected because 192.0.2.8 is blacklisted at bl.example.net",
                "blocked",
                "sender-admin",
            ),
            (
                "550 192.0.2.8 is listed at rbl-plus.example.net",
                "blocked",
                "sender-admin",
            ),
            (
                "550 This message contains a virus (Eicar-Test-Signature).",
                "virusdetected",
                "sender",
            ),
            (
                "550 This message contains malware (Win.Trojan.Agent-12345)",
                "virusdetected",
                "sender",
            ),
            (
                "550 maximum allowed line length is 998 octets, got 1532",
                "notcompliantrfc",
                "sender",
            ),
            // No cause is named; the reason's own party stands.
            ("550 Administrative prohibition", "rejected", "sender-admin"),
            (
                "550-Verification failed for <info@mail.example.com>\n550-Unrouteable address\n550 Sender verify failed",
                "rejected",
                "sender-admin",
            ),
            ("550 Sender verify failed", "rejected", "sender-admin"),
            // A recipient callout: the next server refused the recipient, and Exim passes its
            // words on; the cause is theirs (an unknown user).
            (
                "550-Callout verification failed:\n550 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in local recipient table",
                "userunknown",
                "sender",
            ),
            (
                "550-Postmaster verification failed while checking <info@example.com>\n550-Several RFCs state that you are required to have a postmaster\n550 Administrative prohibition",
                "rejected",
                "sender-admin",
            ),
            (
                "550-Callback setup failed while verifying <info@example.com>\n550-The initial connection, or a HELO or MAIL FROM:<> command was\n550-rejected. Refusing MAIL FROM:<> does not help fight spam, disregards\n550 Administrative prohibition",
                "rejected",
                "sender-admin",
            ),
            (
                "552 Message size exceeds maximum permitted",
                "mesgtoobig",
                "sender",
            ),
            ("452 too many recipients", "toomanyconn", "sender"),
            ("552 too many recipients", "toomanyconn", "sender"),
            (
                "421 mx.example.jp: Too many concurrent SMTP connections; please try again later.",
                "toomanyconn",
                "nobody",
            ),
            (
                "452 Space shortage, please try later",
                "systemfull",
                "nobody",
            ),
            (
                "501 <taro>: recipient address must contain a domain",
                "syntaxerror",
                "sender",
            ),
            (
                "535 Incorrect authentication data",
                "securityerror",
                "sender",
            ),
            (
                "550 Rejected for too many bad recipients",
                "toomanyconn",
                "sender",
            ),
            ("550 header syntax", "notcompliantrfc", "sender"),
            // verify.c / acl.c: the header checks with error details returned.
            (
                "550 Rejected after DATA: syntax error in 'From:' header when scanning for sender: missing or malformed local part in \"<@example.com>\" in \"From: <@example.com>\"",
                "notcompliantrfc",
                "sender",
            ),
            (
                "550-Rejected after DATA: could not verify \"From:\" header address\n550 info@nowhere.example: Unrouteable address",
                "rejected",
                "sender-admin",
            ),
            (
                "550 Rejected after DATA: there is no valid sender in any header line",
                "rejected",
                "sender-admin",
            ),
            // smtp_in.c: host_reject_connection, a failed TLS negotiation; verify.c: a
            // recipient callout answered from its cache.
            ("554 SMTP service not available", "blocked", "sender-admin"),
            ("554 Security failure", "failedstarttls", "sender-admin"),
            (
                "550 Previous (cached) callout verification failure",
                "userunknown",
                "sender",
            ),
            (
                "550-Verification failed for <info@example.com>\n550-Previous (cached) callout verification failure\n550 Sender verify failed",
                "rejected",
                "sender-admin",
            ),
            // The spec's SPF example (doc/doc-docbook/spec.xfpt).
            (
                "550 192.0.2.8 is not allowed to send mail from example.com.  Please see http://www.open-spf.org/Why;identity=mailfrom;ip=192.0.2.8",
                "authfailure",
                "sender-admin",
            ),
            // The spec's DMARC example.
            (
                "550 Message from example.com failed sender's DMARC policy, REJECT",
                "authfailure",
                "sender-admin",
            ),
            // The spec's content-scanning examples.
            (
                "550 This message was classified as SPAM",
                "spamdetected",
                "sender",
            ),
            (
                "550 This message scored 12.4 spam points.",
                "spamdetected",
                "sender",
            ),
            // The spec's per-sender rate limit example.
            (
                "450 Sender rate exceeds 100 messages per 1d",
                "speeding",
                "sender",
            ),
            (
                "550 The mail servers for the domain example.com are listed at dbl.example.net (127.0.1.2); see https://dbl.example.net/example.com",
                "blocked",
                "sender-admin",
            ),
            (
                "501 <www-data>: sender address must contain a domain",
                "rejected",
                "sender-admin",
            ),
            // The spec's `cannot_route_message` examples for the routers.
            ("550 Unknown local user", "userunknown", "sender"),
            (
                "550 Remote domain not found in DNS",
                "hostunknown",
                "sender",
            ),
            ("550 Too many bad recipients", "toomanyconn", "sender"),
            // The spec's other ACL examples.
            ("550 Can't verify sender", "rejected", "sender-admin"),
            ("550 Sender did not verify", "rejected", "sender-admin"),
            ("550 Can't verify recipient", "userunknown", "sender"),
            (
                "550 Sender's domain is listed at dbl.example.net",
                "blocked",
                "sender-admin",
            ),
            (
                "421 Too many connections from this IP right now",
                "toomanyconn",
                "sender-admin",
            ),
            // The spec's load example and smtp_in.c's load refusal: the receiving server
            // itself is busy; time cures it.
            (
                "451 Sorry, too busy. Try again later.",
                "systemerror",
                "nobody",
            ),
            (
                "421 mx.example.jp: Too much load; please try again later",
                "systemerror",
                "nobody",
            ),
            (
                "451 Could not complete sender verify callout",
                "rejected",
                "sender-admin",
            ),
            // The client spoke before its turn: a protocol fault of the sending server.
            (
                "554 SMTP synchronization error",
                "syntaxerror",
                "sender-admin",
            ),
        ],
    );
}

/// Exim's own delivery errors, as its bounces write them after the address: src/src/route.c
/// ("Unrouteable address"); src/src/routers/dnslookup.c ("all relevant MX records point to
/// non-existent hosts", "an MX or SRV record indicated no SMTP service", "mail domain %q is
/// syntactically invalid"); src/src/transports/appendfile.c ("mailbox is full (MTA-imposed
/// quota exceeded while writing to %s)"); src/src/retry.c ("%s: retry timeout exceeded");
/// src/src/transports/smtp.c ("retry time not reached for any host", "a TLS session is
/// required, but %s"); src/src/smtp_out.c ("SMTP timeout after", "Remote host closed
/// connection"); src/src/deliver.c ("Too many \"Received\" headers - suspected mail loop").
#[test]
fn exim_delivery_errors() {
    check(
        "Exim route.c, dnslookup.c, appendfile.c, retry.c, smtp.c, deliver.c",
        &[
            (
                "jiro@example.cmo: Unrouteable address",
                "hostunknown",
                "sender",
            ),
            (
                "taro@example.net: all relevant MX records point to non-existent hosts",
                "hostunknown",
                "sender",
            ),
            (
                "info@example.com: an MX or SRV record indicated no SMTP service",
                "notaccept",
                "sender",
            ),
            (
                "taro@exa_mple.com: mail domain \"exa_mple.com\" is syntactically invalid",
                "hostunknown",
                "sender",
            ),
            (
                "save to /var/mail/hanako\n  generated by hanako@example.jp\n  mailbox is full (MTA-imposed quota exceeded while writing to /var/mail/hanako)",
                "mailboxfull",
                "recipient",
            ),
            (
                "hanako@example.jp: mailbox is full: retry timeout exceeded",
                "mailboxfull",
                "recipient",
            ),
            (
                "host mx.example.jp [192.0.2.44]: 452 4.2.2 <taro@example.jp>: Mailbox full: retry timeout exceeded",
                "mailboxfull",
                "recipient",
            ),
            (
                "taro@example.jp: Too many \"Received\" headers - suspected mail loop",
                "networkerror",
                "recipient-admin",
            ),
            (
                "host mx.example.org [192.0.2.77]: Remote host closed connection in response to RCPT TO:<kijitora@example.org>",
                "networkerror",
                "nobody",
            ),
            (
                "host mx.example.org [192.0.2.77]: SMTP timeout after end of data (0 bytes written): Connection timed out",
                "networkerror",
                "nobody",
            ),
            (
                "taro@example.jp: message has lines too long for transport",
                "notcompliantrfc",
                "sender",
            ),
            // retry.c / smtp.c: the summaries of a message kept too long; no cause named, so
            // the reason's own party stands (the receiving side kept failing).
            (
                "taro@example.jp: retry timeout exceeded",
                "expired",
                "recipient-admin",
            ),
            (
                "taro@example.jp: retry time not reached for any host after a long failure period",
                "expired",
                "recipient-admin",
            ),
            // deliver.c: the delay warning, still being retried.
            (
                "This message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mx.example.jp.\n\nThe address to which the message has not yet been delivered is:\n\n  taro@example.org\n    Delay reason: SMTP error from remote mail server after RCPT TO:<taro@example.org>:\n    host mx.example.org [192.0.2.77]: 451 Temporary local problem - please try later\n\nNo action is required on your part. Delivery attempts will continue for\nsome time, and this warning may be repeated at intervals if the message\nremains undelivered.",
                "expired",
                "nobody",
            ),
            // A router's `:fail:` in a local-only setup (Debian's exim4 default): the sending
            // machine itself refuses other domains.
            (
                "taro@example.org\n    Mailing to remote domains not supported",
                "norelaying",
                "sender-admin",
            ),
            // appendfile.c: the local mailbox file cannot be written; the recipient server's
            // administrator must repair it.
            (
                "save to /var/mail/taro\n  generated by taro@example.jp\n  failed to lock mailbox /var/mail/taro (lock file)",
                "systemerror",
                "recipient-admin",
            ),
            (
                "taro@example.jp: mailbox /var/mail/taro has wrong uid (1001 != 1000)",
                "systemerror",
                "recipient-admin",
            ),
            // smtp.c: the sending Exim's own transport requires TLS (hosts_require_tls) and
            // could not get it; the sending side's configuration decides.
            (
                "host mx.example.org [192.0.2.77]: a TLS session is required, but an attempt to start TLS failed",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "host mx.example.org [192.0.2.77]: a TLS session is required, but the server did not offer TLS support",
                "failedstarttls",
                "sender-admin",
            ),
        ],
    );
}

/// Sendmail sendmail/srvrsmtp.c (the SMTP server's replies: "Insufficient disk space; try
/// again later", "Message size exceeds fixed maximum message size", "Too many recipients",
/// "Authentication required", "authentication failed", "Addressee unknown", "Polite people
/// say HELO first", "Rejecting open proxy"); cf/m4/proto.m4 (the check_* rulesets: "User
/// unknown", "Relaying denied", "Relaying denied. Proper authentication required.", "Relaying
/// denied. IP name lookup failed", "Relaying denied. IP name possibly forged", "Access
/// denied", "Mailbox disabled for this recipient", "Domain of sender address %s does not
/// exist", "Domain of sender address %s does not resolve", "Real domain name required for
/// sender address", "Fix reverse DNS for", "Rejected: %s listed at", "Connection rate limit
/// exceeded.", "Too many open connections.", "User has moved; please try", "bogus HELO name
/// used", "Illegal MX record for host"); sendmail/parseaddr.c ("Unbalanced '<'"); deliver.c
/// ("Host unknown (Name server: %s: host not found)", "Too many hops"); mail.local
/// ("Mailbox full or quota exceeded").
#[test]
fn sendmail_replies() {
    check(
        "Sendmail srvrsmtp.c, proto.m4, parseaddr.c, deliver.c",
        &[
            (
                "550 5.1.1 <taro@example.jp>... User unknown",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.1 <taro@example.jp>... Addressee unknown",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.1 <kijitora@example.org>... Relaying denied",
                "norelaying",
                "sender",
            ),
            (
                "550 5.7.1 <kijitora@example.org>... Relaying denied. Proper authentication required.",
                "norelaying",
                "sender",
            ),
            (
                "550 5.7.1 <kijitora@example.org>... Relaying denied. IP name lookup failed [192.0.2.9]",
                "requireptr",
                "sender-admin",
            ),
            (
                "450 4.7.1 <kijitora@example.org>... Relaying temporarily denied. Cannot resolve PTR record for 192.0.2.9",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 5.7.1 Fix reverse DNS for 192.0.2.9",
                "requireptr",
                "sender-admin",
            ),
            (
                "553 5.1.8 <info@nowhere.example>... Domain of sender address info@nowhere.example does not exist",
                "rejected",
                "sender-admin",
            ),
            (
                "451 4.1.8 Domain of sender address info@nowhere.example does not resolve",
                "rejected",
                "sender-admin",
            ),
            (
                "553 5.5.4 <root>... Real domain name required for sender address",
                "rejected",
                "sender-admin",
            ),
            // An empty recipient: proto.m4 gives it the status `nouser` (5.1.1).
            (
                "553 5.1.1 <>... User address required",
                "userunknown",
                "sender",
            ),
            (
                "553 5.5.4 <taro@host>... Domain name required",
                "syntaxerror",
                "sender",
            ),
            (
                "553 5.0.0 <taro@example.jp... Unbalanced '<'",
                "syntaxerror",
                "sender",
            ),
            (
                "550 5.7.1 Rejected: 192.0.2.77 listed at bl.example.net",
                "blocked",
                "sender-admin",
            ),
            (
                "553 5.3.0 Rejecting open proxy 192.0.2.200",
                "blocked",
                "sender-admin",
            ),
            // The access database's REJECT for a recipient (confRCPTREJ_MSG).
            (
                "550 5.7.1 <taro@example.jp>... Mailbox disabled for this recipient",
                "suspend",
                "recipient",
            ),
            // The access database's REJECT for a sender or a connecting host (5.7.1 by
            // default): read as a security refusal, as the reference classifier reads it.
            (
                "550 5.7.1 <info@example.com>... Access denied",
                "securityerror",
                "sender",
            ),
            (
                "550 5.7.1 <taro@example.jp>... Mailbox Full",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 5.2.2 taro: Mailbox full or quota exceeded",
                "mailboxfull",
                "recipient",
            ),
            (
                "551 5.1.1 <taro@example.jp>... User has moved; please try <taro@example.net>",
                "hasmoved",
                "sender",
            ),
            (
                "550 5.1.2 <neko@example.cmo>... Host unknown (Name server: example.cmo.: host not found)",
                "hostunknown",
                "sender",
            ),
            (
                "452 4.4.5 Insufficient disk space; try again later",
                "systemfull",
                "nobody",
            ),
            (
                "552 5.2.3 Message size exceeds fixed maximum message size (10485760)",
                "exceedlimit",
                "sender",
            ),
            (
                "552 5.2.3 Message size exceeds maximum value",
                "exceedlimit",
                "sender",
            ),
            ("452 4.5.3 Too many recipients", "toomanyconn", "sender"),
            (
                "530 5.7.0 Authentication required",
                "securityerror",
                "sender",
            ),
            ("535 5.7.0 authentication failed", "securityerror", "sender"),
            (
                "421 4.3.2 Connection rate limit exceeded.",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "421 4.3.2 Too many open connections.",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "554 5.4.6 Too many hops 26 (25 max): from <shironeko@example.jp> via localhost, to <kijitora@example.com>",
                "networkerror",
                "recipient-admin",
            ),
            (
                "550 5.7.1 bogus HELO name used: mx.example.jp",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.1.2 Illegal MX record for host example.com",
                "hostunknown",
                "sender",
            ),
            // err.c: the connection failures of a deferred delivery, as a returned message
            // gives them (the last error before the queue lifetime ran out).
            (
                "<taro@example.jp>... Deferred: Connection timed out with mx.example.jp.",
                "expired",
                "recipient-admin",
            ),
            (
                "<taro@example.jp>... Deferred: Network is unreachable",
                "expired",
                "recipient-admin",
            ),
            (
                "<taro@example.jp>... Deferred: No route to host",
                "expired",
                "recipient-admin",
            ),
            // proto.m4: the TLS policy rulesets.
            (
                "454 4.7.0 TLS handshake failed.",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "403 4.7.0 encryption too weak 56 less than 128",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "454 4.7.0 STARTTLS temporarily not possible.",
                "failedstarttls",
                "sender-admin",
            ),
            // DANE: the receiving server's certificate does not match its TLSA records; the
            // receiving domain must fix them (debatable; the source's check is the sender's).
            (
                "454 4.7.0 DANE check failed.",
                "failedstarttls",
                "recipient-admin",
            ),
            // parseaddr.c: addresses it cannot read.
            (
                "553 5.1.0 Address \"taro@example.jp...\" too long (256 bytes max)",
                "syntaxerror",
                "sender",
            ),
            (
                "501 5.1.3 Syntax error in mailbox address \"taro@@example.jp\" (unbalanced)",
                "syntaxerror",
                "sender",
            ),
            (
                "501 5.1.3 8-bit character in mailbox address \"tar\u{f6}@example.jp\"",
                "syntaxerror",
                "sender",
            ),
            (
                "553 5.1.3 <taro,@example.jp>... Illegal character ,",
                "syntaxerror",
                "sender",
            ),
            // daemon.c: too many sessions from one client host.
            (
                "421 4.4.5 Too many SMTP sessions for this host",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "421 4.3.1 Out of disk space for temp file",
                "systemfull",
                "nobody",
            ),
            (
                "421 4.7.0 mx.example.jp Too many bad recipients; closing connection",
                "toomanyconn",
                "sender",
            ),
            (
                "451 4.3.0 mailer local died with signal 9",
                "systemerror",
                "nobody",
            ),
            // deliver.c / libsm/strexit.c: the recipient domain's MX points back at the
            // sending host; the recipient domain's DNS must change.
            (
                "553 5.3.5 mx.example.jp config error: mail loops back to me (MX problem?)",
                "systemerror",
                "recipient-admin",
            ),
            (
                "552 5.2.3 Message is too large; 10485760 bytes max",
                "exceedlimit",
                "sender",
            ),
            (
                "503 5.0.0 Polite people say HELO first",
                "syntaxerror",
                "sender-admin",
            ),
        ],
    );
}

/// The milters (clamav-milter clamav-milter/clamfi.c writes no text of its own: its
/// "Infected (%s)" is a header, and a refusal carries the administrator's RejectMsg or the
/// MTA's "Command rejected", so it has no row here); spamass-milter
/// spamass-milter.cpp ("Blocked by SpamAssassin", 5.7.1); OpenDKIM opendkim/opendkim.c ("bad
/// DKIM signature data", "no DKIM signature data", "DKIM signature processing failed", "DKIM
/// key retrieval failed", "DKIM signature syntax error", "Message deferred for policy
/// reasons"); OpenDMARC opendmarc/opendmarc.c ("rejected by DMARC policy for %s");
/// milter-greylist milter-greylist.c ("Greylisting in action, please come back later", "...
/// come back in %R"); MIMEDefang modules/lib/Mail/MIMEDefang/Actions.pm action_bounce (the
/// default "Forbidden for policy reasons", 554 5.7.1), mimedefang.pl.in ("too many MIME
/// parts") and examples/suggested-minimum-filter-for-windows-clients ("MIME type
/// message/partial not accepted here", "Problem running virus-scanner").
#[test]
fn milter_replies() {
    check(
        "clamav-milter, spamass-milter, OpenDKIM, OpenDMARC, milter-greylist, MIMEDefang",
        &[
            (
                "550 5.7.1 Blocked by SpamAssassin",
                "spamdetected",
                "sender",
            ),
            (
                "550 5.7.0 bad DKIM signature data",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.0 no DKIM signature data",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.0 DKIM signature processing failed",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.5 DKIM key retrieval failed",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.0 DKIM signature syntax error",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 rejected by DMARC policy for example.com",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.1 Greylisting in action, please come back later",
                "blocked",
                "nobody",
            ),
            (
                "451 4.7.1 Greylisting in action, please come back in 00:05:00",
                "blocked",
                "nobody",
            ),
            (
                "554 5.7.1 Message contained too many MIME parts.  We do not accept such complicated messages.",
                "contenterror",
                "sender",
            ),
            (
                "554 5.7.1 MIME type message/partial not accepted here",
                "contenterror",
                "sender",
            ),
            (
                "451 4.3.0 Problem running virus-scanner",
                "systemerror",
                "nobody",
            ),
            (
                "554 5.7.1 Forbidden for policy reasons",
                "policyviolation",
                "sender-admin",
            ),
        ],
    );
}

/// hestiacp/hestiacp install/deb/exim/exim4.conf.template: the ACLs of a hosting control
/// panel's Exim ("is sending too many emails - rate overlimit", "Your host in blacklist on
/// this server.", "HELO required before MAIL", "Helo name contains an IP address", "Access
/// denied - Invalid HELO name", "Rejected because %s is in a black list at %s", "smtp auth
/// required", "Message contains a virus (%s) and has been rejected", "This message scored %s
/// spam points", "Blacklisted file extension detected").
#[test]
fn exim_hosting_panel_acls() {
    check(
        "HestiaCP exim4.conf.template",
        &[
            (
                "550 Email account taro@example.jp is sending too many emails - rate overlimit = 201.0 / 1h",
                "speeding",
                "sender",
            ),
            (
                "550 Website of user admin is sending too many emails - rate overlimit = 201.0 / 1h",
                "speeding",
                "sender",
            ),
            (
                "550 Your host in blacklist on this server.",
                "blocked",
                "sender-admin",
            ),
            (
                "550 HELO required before MAIL",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "550 Helo name contains an IP address (HELO was 192-0-2-8) and not is valid",
                "blocked",
                "sender-admin",
            ),
            (
                "550 Access denied - Invalid HELO name (See RFC2821 4.1.3)",
                "blocked",
                "sender-admin",
            ),
            (
                "550 Rejected because 192.0.2.8 is in a black list at zen.example.net\nhttps://zen.example.net/query/ip/192.0.2.8",
                "blocked",
                "sender-admin",
            ),
            ("550 smtp auth required", "securityerror", "sender"),
            (
                "550 Message contains a virus (Eicar-Signature) and has been rejected",
                "virusdetected",
                "sender",
            ),
            (
                "550 This message scored 15.2 spam points",
                "spamdetected",
                "sender",
            ),
            (
                "550 Blacklisted file extension detected",
                "policyviolation",
                "sender",
            ),
        ],
    );
}
