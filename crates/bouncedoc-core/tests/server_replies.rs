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

/// Haraka connection.js (the core's default refusals), outbound/hmail.js (its own delivery
/// failures), plugins/{relay,auth/auth_base,data.signatures,queue/smtp_forward,early_talker,
/// toobusy,clamd,helo.checks,messagesniffer,mail_from.is_resolvable,dnsbl}.js (in-tree or as
/// they were before being moved out), haraka-dsn index.js (the default texts of its enhanced
/// codes), and the plugin repositories haraka-plugin-{spf,fcrdns,greylist,limit,headers,uribl,
/// karma,access,qmail-deliverable} (index.js, config/*.ini).
#[test]
fn haraka_core_and_plugins() {
    check(
        "Haraka",
        &[
            (
                "550 I cannot deliver mail for <taro@example.org>",
                "norelaying",
                "sender",
            ),
            ("550 You are not allowed to relay", "norelaying", "sender"),
            ("550 5.7.1 Relaying denied", "norelaying", "sender"),
            // relay.js: the recipient's domain is not one this server takes mail for.
            (
                "550 Mail for that recipient is not accepted here.",
                "norelaying",
                "sender",
            ),
            ("550 5.1.1 No such user", "userunknown", "sender"),
            // qmail-deliverable: the backend says the address cannot be delivered to.
            ("550 not deliverable", "userunknown", "sender"),
            ("554 rDNS Lookup Failed", "requireptr", "sender-admin"),
            (
                "550 client [192.0.2.8] rejected; no rDNS",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 Sorry, no FCrDNS match found",
                "requireptr",
                "sender-admin",
            ),
            (
                "554 Your mail is not welcome here",
                "blocked",
                "sender-admin",
            ),
            ("550 You are not welcome here.", "blocked", "sender-admin"),
            ("550 5.7.1 Bad sender IP", "blocked", "sender-admin"),
            (
                "550 host [192.0.2.8] is blacklisted by zen.spamhaus.org",
                "blocked",
                "sender-admin",
            ),
            (
                "550 HELO host must be a FQDN or address literal (RFC 5321 2.3.5)",
                "blocked",
                "sender-admin",
            ),
            (
                "550 HELO host does not match rDNS",
                "blocked",
                "sender-admin",
            ),
            ("550 HELO is dynamic", "blocked", "sender-admin"),
            (
                "550 Poor GBUdb reputation for [192.0.2.8]",
                "badreputation",
                "sender-admin",
            ),
            (
                "550 very bad karma score: -12",
                "badreputation",
                "sender-admin",
            ),
            (
                "550 5.7.1 sender <taro@example.jp> SPF Fail",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 sender <taro@example.jp> SPF SoftFail",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 sender <taro@example.jp> SPF record not found",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 http://www.openspf.org/Why?s=mfrom&id=taro@example.jp&ip=192.0.2.8",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 sender <taro@example.jp> SPF Temporary Error",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 No MX for your FROM address",
                "rejected",
                "sender-admin",
            ),
            (
                "550 No valid MX for your FROM address",
                "rejected",
                "sender-admin",
            ),
            ("550 Authentication required", "securityerror", "sender"),
            (
                "550 Envelope domain 'example.org' doesn't match AUTH domain 'example.jp'",
                "rejected",
                "sender",
            ),
            ("550 Spoofed MAIL FROM", "rejected", "sender-admin"),
            (
                "550 Email from that domain is not accepted here.",
                "rejected",
                "sender-admin",
            ),
            ("550 Message too big!", "mesgtoobig", "sender"),
            (
                "550 Mail matches a known spam signature",
                "spamdetected",
                "sender",
            ),
            (
                "550 Spam detected by MessageSniffer (code=52 group=Spam)",
                "spamdetected",
                "sender",
            ),
            (
                "550 example.net listed in multi.uribl.com; see http://lookup.uribl.com/?domain=example.net",
                "spamdetected",
                "sender",
            ),
            // uribl.js looks the HELO name, the rDNS name and the sender's domain up as well as
            // the links of the body, and words them all the same: a listed domain.
            (
                "550 example.net blacklisted in dbl.spamhaus.org",
                "blocked",
                "sender-admin",
            ),
            (
                "550 Message is infected with Eicar-Test-Signature",
                "virusdetected",
                "sender",
            ),
            (
                "451 Bare line-feed; see http://haraka.github.io/barelf/",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "550 Required header 'Date' missing",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "550 Only one From header allowed. See RFC 5322, Section 3.6",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 Transaction failed due to too many MIME parts",
                "contenterror",
                "sender",
            ),
            (
                "550 Too many received headers - possible mail loop",
                "networkerror",
                "recipient-admin",
            ),
            (
                "451 4.7.1 Greylisted. Please come back later.",
                "blocked",
                "nobody",
            ),
            (
                "421 Too busy; please try again later",
                "systemerror",
                "nobody",
            ),
            (
                "450 Too many concurrent connections",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "450 connection rate limit exceeded",
                "toomanyconn",
                "sender-admin",
            ),
            ("450 recipient rate limit exceeded", "speeding", "nobody"),
            (
                "450 Too many recipient attempts",
                "toomanyconn",
                "sender-admin",
            ),
            ("550 5.1.2 No MX for example.net", "hostunknown", "sender"),
            (
                "550 5.1.2 No Such Domain: example.net",
                "hostunknown",
                "sender",
            ),
            (
                "550 5.1.2 Domain example.net sends and receives no email (NULL MX)",
                "notaccept",
                "recipient-admin",
            ),
            (
                "450 4.1.2 Temporary MX lookup error for example.net",
                "networkerror",
                "nobody",
            ),
        ],
    );
}

/// Stalwart crates/smtp/src/inbound/{ehlo,mail,rcpt,data,auth,spawn,session}.rs (the replies
/// of its SMTP server) and crates/smtp/src/queue/dsn.rs (the lines of its own delivery
/// reports).
#[test]
fn stalwart_smtp_replies() {
    check(
        "Stalwart",
        &[
            ("550 5.1.2 Mailbox does not exist.", "userunknown", "sender"),
            ("550 5.1.2 Relay not allowed.", "norelaying", "sender"),
            (
                "501 5.1.3 Bad destination mailbox address syntax.",
                "userunknown",
                "sender",
            ),
            (
                "501 5.1.8 Bad sender's system address.",
                "rejected",
                "sender-admin",
            ),
            (
                "550 5.7.1 Sender address not allowed.",
                "rejected",
                "sender-admin",
            ),
            // An authenticated user giving a sender address its account may not use.
            (
                "501 5.5.4 You are not allowed to send from this address.",
                "rejected",
                "sender",
            ),
            (
                "550 5.7.23 SPF validation failed, status: fail.",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.24 Temporary SPF validation error.",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.25 Reverse DNS validation failed.",
                "requireptr",
                "sender-admin",
            ),
            (
                "451 4.7.25 Temporary error validating reverse DNS.",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 5.7.20 No passing DKIM signatures found.",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.20 No passing DKIM signatures found.",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 Email rejected per DMARC policy.",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.1 Email temporarily rejected per DMARC policy.",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.29 ARC validation failed.",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 Message rejected due to excessive spam score.",
                "spamdetected",
                "sender",
            ),
            (
                "452 4.2.2 Greylisted, please try again in a few moments.",
                "blocked",
                "nobody",
            ),
            // The receiver's throttle on one sending client: the sending server slows down.
            (
                "452 4.4.5 Rate limit exceeded, try again later.",
                "speeding",
                "sender-admin",
            ),
            // data.rs: the sending server may go on in a new connection; the limit is per session.
            (
                "452 4.4.5 Maximum number of messages per session exceeded.",
                "toomanyconn",
                "sender-admin",
            ),
            ("455 4.5.3 Too many recipients.", "toomanyconn", "sender"),
            (
                "452 4.7.28 mx.example.jp Session exceeded transfer quota.",
                "speeding",
                "sender-admin",
            ),
            (
                "552 5.3.4 Message too big for system.",
                "mesgtoobig",
                "sender",
            ),
            (
                "550 5.7.7 Failed to parse message.",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "450 4.4.6 Too many Received headers. Possible loop detected.",
                "networkerror",
                "recipient-admin",
            ),
            (
                "452 4.3.1 Mail system full, try again later.",
                "systemfull",
                "nobody",
            ),
            (
                "451 4.3.5 Unable to accept message at this time.",
                "systemerror",
                "nobody",
            ),
            (
                "451 4.4.3 Unable to verify address at this time.",
                "systemerror",
                "nobody",
            ),
            ("550 5.5.0 Invalid EHLO domain.", "blocked", "sender-admin"),
            (
                "503 5.5.1 Polite people say EHLO first.",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "503 5.5.1 You must authenticate first.",
                "securityerror",
                "sender",
            ),
            (
                "535 5.7.8 Authentication credentials invalid.",
                "securityerror",
                "sender",
            ),
            (
                "<taro@example.jp> (host 'mx.example.jp' rejected command 'RCPT TO:<taro@example.jp>' with code 550 (5.1.1) 'User unknown')",
                "userunknown",
                "sender",
            ),
            (
                "<taro@example.jp> (host 'mx.example.jp' rejected transaction with code 552 (5.2.2) 'Mailbox full')",
                "mailboxfull",
                "recipient",
            ),
        ],
    );
}

/// OpenSMTPD usr.sbin/smtpd/smtp_session.c (its SMTP replies), lka_session.c (the refusal of
/// a recipient no rule of the ruleset accepts), esc.c (the texts of its enhanced codes),
/// mta.c, mta_session.c, queue.c and lka_session.c (the error lines of its own bounces).
#[test]
fn opensmtpd_replies_and_bounce_lines() {
    check(
        "OpenSMTPD",
        &[
            (
                "550 Invalid recipient: <taro@example.jp>",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.1 Invalid recipient: <taro@example.jp>",
                "userunknown",
                "sender",
            ),
            (
                "553 5.1.7 Sender address syntax error",
                "rejected",
                "sender-admin",
            ),
            (
                "550 5.7.1 Message is not RFC 2822 compliant",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.3.4 Transaction failed, message too big",
                "mesgtoobig",
                "sender",
            ),
            ("451 4.5.3 Too many recipients", "toomanyconn", "sender"),
            (
                "452 4.5.3 Too many messages sent",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "530 5.7.0 Must issue a STARTTLS command first",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "530 5.7.0 Must issue an AUTH command first",
                "securityerror",
                "sender",
            ),
            ("535 Authentication failed", "securityerror", "sender"),
            (
                "500 5.4.6 Routing loop detected: Loop detected",
                "networkerror",
                "recipient-admin",
            ),
            (
                "524 5.2.4 Mailing list expansion problem",
                "systemerror",
                "recipient-admin",
            ),
            (
                "taro@example.jp: Loop detected",
                "networkerror",
                "recipient-admin",
            ),
            (
                "taro@example.invalid: Domain does not exist",
                "hostunknown",
                "sender",
            ),
            (
                "taro@example.net: Domain does not accept mail",
                "notaccept",
                "recipient-admin",
            ),
            (
                "taro@example.net: No MX found for domain",
                "notaccept",
                "recipient-admin",
            ),
            (
                "taro@example.net: Destination seem to reject all mails",
                "notaccept",
                "recipient-admin",
            ),
            // Bare bounce lines carry no code: the recipient's servers cannot be reached.
            (
                "taro@example.net: Network error on destination MXs",
                "networkerror",
                "recipient-admin",
            ),
            (
                "taro@example.net: Temporary failure in MX lookup",
                "networkerror",
                "recipient-admin",
            ),
            (
                "taro@example.net: Connection timeout",
                "networkerror",
                "recipient-admin",
            ),
            (
                "taro@example.jp: Temporary failure in user lookup",
                "systemerror",
                "nobody",
            ),
            (
                "taro@example.jp: Could not retrieve credentials",
                "securityerror",
                "sender-admin",
            ),
            (
                "taro@example.jp: No auth table for relaying",
                "securityerror",
                "sender-admin",
            ),
        ],
    );
}

/// notqmail qmail-smtpd.c, qmail-local.c, qmail-remote.c, qmail-send.c and qmail-qmtpd.c
/// (its SMTP replies and the lines of its "failure notice" bounces); chkuser
/// chkuser_settings.h (the replies of the qmail-smtpd recipient check patch); spamdyke
/// spamdyke/spamdyke.h (the refusals of the qmail-smtpd front-end filter).
#[test]
fn qmail_family_replies() {
    check(
        "qmail, chkuser, spamdyke",
        &[
            (
                "<taro@example.jp>: Sorry, no mailbox here by that name. (#5.1.1)",
                "userunknown",
                "sender",
            ),
            (
                "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
                "norelaying",
                "sender",
            ),
            (
                "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
                "rejected",
                "sender-admin",
            ),
            (
                "552 sorry, that message size exceeds my databytes limit (#5.3.4)",
                "mesgtoobig",
                "sender",
            ),
            (
                "554 too many hops, this message is looping (#5.4.6)",
                "networkerror",
                "recipient-admin",
            ),
            (
                "<taro@example.jp>: This message is looping: it already has my Delivered-To line. (#5.4.6)",
                "networkerror",
                "recipient-admin",
            ),
            (
                "451 See https://cr.yp.to/docs/smtplf.html.",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "<taro@example.invalid>: Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
                "hostunknown",
                "sender",
            ),
            (
                "<taro@example.net>: Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)",
                "notaccept",
                "recipient-admin",
            ),
            (
                "<taro@example.net>: Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
                "networkerror",
                "nobody",
            ),
            (
                "<taro@example.net>: SMTP cannot transfer messages with partial final lines. (#5.6.2)",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "<taro@example.jp>: Sorry, address must include host name. (#5.1.3)",
                "userunknown",
                "sender",
            ),
            // qmail-local's temporary troubles with the mailbox directory: the 4.2.1 is no
            // disabled mailbox.
            (
                "<taro@example.jp>: Home directory is sticky: user is editing his .qmail file. (#4.2.1)",
                "systemerror",
                "nobody",
            ),
            (
                "<taro@example.jp>: Temporary error on maildir delivery. (#4.3.0)",
                "systemerror",
                "nobody",
            ),
            (
                "<taro@example.jp>: Unable to chdir to maildir. (#4.2.1)",
                "systemerror",
                "nobody",
            ),
            (
                "I'm not going to try again; this message has been in the queue too long.",
                "expired",
                "recipient-admin",
            ),
            (
                "511 sorry, no mailbox here by that name (#5.1.1 - chkuser)",
                "userunknown",
                "sender",
            ),
            (
                "522 sorry, recipient mailbox is full (#5.2.2 - chkuser)",
                "mailboxfull",
                "recipient",
            ),
            (
                "571 sorry, reached maximum number of recipients for one session (#5.7.1 - chkuser)",
                "toomanyconn",
                "sender",
            ),
            (
                "511 sorry, recipient address has invalid format (#5.1.1 - chkuser)",
                "userunknown",
                "sender",
            ),
            (
                "511 sorry, you must specify a domain (#5.1.1 - chkuser)",
                "userunknown",
                "sender",
            ),
            (
                "511 sorry, can't find a valid MX for rcpt domain (#5.1.1 - chkuser)",
                "hostunknown",
                "sender",
            ),
            (
                "511 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)",
                "rejected",
                "sender-admin",
            ),
            (
                "571 sorry, sender address has invalid format (#5.7.1 - chkuser)",
                "rejected",
                "sender-admin",
            ),
            (
                "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)",
                "norelaying",
                "sender",
            ),
            (
                "571 sorry, you are violating our security policies (#5.7.1 - chkuser)",
                "policyviolation",
                "sender",
            ),
            (
                "451 DNS temporary failure (#4.5.1 - chkuser)",
                "networkerror",
                "nobody",
            ),
            (
                "430 system temporary unavailable, try again later (#4.3.0 - chkuser)",
                "systemerror",
                "nobody",
            ),
            (
                "421 Refused. You have no reverse DNS entry.",
                "requireptr",
                "sender-admin",
            ),
            (
                "421 Refused. Your reverse DNS entry does not resolve.",
                "requireptr",
                "sender-admin",
            ),
            (
                "554 Refused. Your reverse DNS entry contains your IP address and a banned keyword.",
                "requireptr",
                "sender-admin",
            ),
            (
                "554 Refused. Your IP address is listed in the RBL at zen.spamhaus.org",
                "blocked",
                "sender-admin",
            ),
            (
                "554 Refused. Your IP address is blacklisted.",
                "blocked",
                "sender-admin",
            ),
            (
                "554 Refused. Your domain name is blacklisted.",
                "blocked",
                "sender-admin",
            ),
            (
                "554 Refused. Your domain name is listed in the RHSBL at dbl.spamhaus.org",
                "blocked",
                "sender-admin",
            ),
            (
                "554 Refused. Your sender address has been blacklisted.",
                "rejected",
                "sender-admin",
            ),
            (
                "421 Refused. The domain of your sender address has no mail exchanger (MX).",
                "rejected",
                "sender-admin",
            ),
            (
                "421 Your address has been graylisted. Try again later.",
                "blocked",
                "nobody",
            ),
            (
                "421 Too many recipients. Try the remaining addresses again later.",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "554 Refused. You are not following the SMTP protocol.",
                "blocked",
                "sender-admin",
            ),
            (
                "554 Refused. Sending to remote addresses (relaying) is not allowed.",
                "norelaying",
                "sender",
            ),
            (
                "554 Refused. Authentication is required to send mail.",
                "securityerror",
                "sender",
            ),
            (
                "554 Refused. Authentication failed.",
                "securityerror",
                "sender",
            ),
            (
                "554 Refused. The recipient address does not exist.",
                "userunknown",
                "sender",
            ),
            (
                "554 Refused. Your message has been blocked due to its content.",
                "spamdetected",
                "sender",
            ),
            (
                "554 Refused. Your sender address does not match your authentication username.",
                "rejected",
                "sender",
            ),
            (
                "554 Refused. Mail for your sender domain is not hosted here.",
                "rejected",
                "sender",
            ),
        ],
    );
}

/// Dovecot src/lmtp/lmtp-local.c, lmtp-recipient.c, lmtp-proxy.c (its LMTP replies),
/// src/plugins/quota/quota.c and quota-settings.c (the quota refusals, answered as 552 5.2.2
/// or 452 4.2.2), src/lib-storage/mail-error.h (its storage errors), src/lib-smtp/
/// smtp-server-cmd-{rcpt,data}.c (the limits of its SMTP/LMTP server) and src/lib-lda/
/// lda-settings.c (the Sieve rejection text).
#[test]
fn dovecot_lmtp_and_lda_replies() {
    check(
        "Dovecot",
        &[
            (
                "550 5.1.1 <taro@example.jp> User doesn't exist: taro@example.jp",
                "userunknown",
                "sender",
            ),
            (
                "552 5.2.2 <taro@example.jp> Quota exceeded (mailbox for user is full)",
                "mailboxfull",
                "recipient",
            ),
            (
                "452 4.2.2 <taro@example.jp> Quota exceeded (mailbox for user is full)",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 5.2.2 <taro@example.jp> Not enough disk quota",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 5.2.2 <taro@example.jp> Too many messages in the mailbox",
                "mailboxfull",
                "recipient",
            ),
            // quota.c answers the per-message size limit with the same 5.2.2 as a full mailbox.
            (
                "552 5.2.2 <taro@example.jp> Mail size is larger than the maximum size allowed by server configuration",
                "mesgtoobig",
                "sender",
            ),
            (
                "451 4.3.0 <taro@example.jp> Internal quota calculation error",
                "systemerror",
                "nobody",
            ),
            (
                "451 4.3.0 <taro@example.jp> Temporary internal error",
                "systemerror",
                "nobody",
            ),
            (
                "451 4.3.0 <taro@example.jp> Temporary user lookup failure",
                "systemerror",
                "nobody",
            ),
            (
                "451 4.3.0 <taro@example.jp> Timeout while waiting for lock",
                "systemerror",
                "nobody",
            ),
            (
                "550 5.3.5 <taro@example.jp> Internal user lookup failure",
                "systemerror",
                "recipient-admin",
            ),
            // The recipient's own deliveries are limited: time cures it.
            (
                "451 4.3.0 <taro@example.jp> Too many concurrent deliveries for user",
                "toomanyconn",
                "nobody",
            ),
            (
                "554 5.4.6 <taro@example.jp> Proxying loops to itself",
                "networkerror",
                "recipient-admin",
            ),
            (
                "554 5.4.6 <taro@example.jp> Proxying appears to be looping (TTL=0)",
                "networkerror",
                "recipient-admin",
            ),
            (
                "552 5.3.4 Message size exceeds administrative limit",
                "exceedlimit",
                "sender",
            ),
            ("451 4.5.3 Too many recipients", "toomanyconn", "sender"),
            (
                "Your message to <hanako@example.jp> was automatically rejected: I no longer accept mail from this address.",
                "filtered",
                "recipient",
            ),
        ],
    );
}

/// Cyrus IMAP imap/lmtp_err.et (the LMTP reply of each error), imap/lmtpengine.c (which
/// error gets which reply, and the size refusals), imap/imap_err.et (the texts put into
/// them) and imap/lmtpd.c (the per-user connection limit).
#[test]
fn cyrus_lmtp_replies() {
    check(
        "Cyrus lmtpd",
        &[
            ("550 5.1.1 User unknown", "userunknown", "sender"),
            (
                "550-Mailbox unknown.  Either there is no mailbox associated with this 550-name or you do not have authorization to see it. 550 5.1.1 User unknown",
                "userunknown",
                "sender",
            ),
            (
                "452 4.2.2 Over quota SESSIONID=<cyrus-1234-1>",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 5.2.2 Over quota SESSIONID=<cyrus-1234-1>",
                "mailboxfull",
                "recipient",
            ),
            (
                "451 4.2.1 Delivery to mailbox is disabled",
                "suspend",
                "recipient",
            ),
            (
                "451 4.3.1 mail system storage has been exceeded",
                "systemfull",
                "nobody",
            ),
            (
                "451 4.4.3 Server(s) unavailable to complete operation",
                "systemerror",
                "nobody",
            ),
            ("451 4.3.0 System I/O error", "systemerror", "nobody"),
            ("451 4.3.0 Mailbox is locked", "systemerror", "nobody"),
            // lmtpd.c: "this user" is the recipient, whose sessions are at their limit.
            (
                "451 4.4.5 Too many connections from this user",
                "toomanyconn",
                "nobody",
            ),
            (
                "550-You do not have permission to post a message to this mailbox. 550-Please contact the owner of this mailbox in order to submit 550-your message, or postmaster@example.jp if you believe you 550-received this message in error. 550 5.7.1 Permission denied",
                "rejected",
                "recipient-admin",
            ),
            (
                "554 5.6.0 Message contains NUL characters",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Message contains bare newlines",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Message contains non-ASCII characters in headers",
                "contenterror",
                "sender",
            ),
            (
                "554 5.6.0 Message contains invalid header",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Message has no header/body separator",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "552 5.2.3 Message size (12582912) exceeds fixed maximum message size (10485760)",
                "exceedlimit",
                "sender",
            ),
            (
                "552 5.2.3 Message SIZE exceeds fixed maximum message size (10485760)",
                "exceedlimit",
                "sender",
            ),
        ],
    );
}

/// Courier courier/courier/submit.C and submit2.C (the checks of every message it takes in:
/// sender domain, size, spam, backscatter), module.esmtp/courieresmtpd.C (its SMTP
/// replies), module.esmtp/libesmtp.C (the lines of its own bounces) and filters/ratefilter.C.
#[test]
fn courier_replies() {
    check(
        "Courier",
        &[
            ("550 User unknown.", "userunknown", "sender"),
            (
                "517 Sender rejected: taro@example.jp",
                "rejected",
                "sender-admin",
            ),
            (
                "517 Mail server at 192.0.2.1 is blocked.",
                "rejected",
                "sender-admin",
            ),
            (
                "517-MX records for taro@example.jp violate section 3.3.9 of RFC 1035.",
                "rejected",
                "sender-admin",
            ),
            (
                "517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>",
                "rejected",
                "sender-admin",
            ),
            // submit.C: the address bounced here a short while ago, so it is refused at once.
            ("556 Address unavailable.", "suppressed", "sender-admin"),
            (
                "523 Message length (12582912 bytes) exceeds administrative limit(10485760).",
                "exceedlimit",
                "sender",
            ),
            ("534 SIZE=Message too big.", "mesgtoobig", "sender"),
            ("550 Spam refused.", "spamdetected", "sender"),
            (
                "500 Number of messages exceeded administrative limit.",
                "speeding",
                "sender-admin",
            ),
            (
                "546 Routing loop detected -- too many Received: headers.",
                "networkerror",
                "recipient-admin",
            ),
            ("531 Too many recipients.", "toomanyconn", "sender-admin"),
            ("535 Authentication required.", "securityerror", "sender"),
            ("535 Authentication failed.", "securityerror", "sender"),
            (
                "554 Syntax error - your mail software violates RFC 821.",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "502 Polite people say HELO first",
                "syntaxerror",
                "sender-admin",
            ),
            (
                "550 5.2.2 <hanako@example.jp>: maildrop: maildir over quota.",
                "mailboxfull",
                "recipient",
            ),
            ("<<< No such domain.", "hostunknown", "sender"),
            (
                "<taro@example.jp>: This domain's DNS violates RFC 1035.",
                "systemerror",
                "recipient-admin",
            ),
            ("DNS lookup failed.", "networkerror", "recipient-admin"),
        ],
    );
}

/// maddy internal/endpoint/smtp/session.go, internal/check/{spf,dkim,dnsbl,rdns,
/// requiretls,authorize_sender,command}/ (its checks), internal/msgpipeline/check_runner.go
/// (DMARC, policy rejects), internal/target/remote/ (the failures of its own deliveries) and
/// internal/storage/imapsql/delivery.go (its local mailboxes).
#[test]
fn maddy_replies() {
    check(
        "maddy",
        &[
            ("550 5.1.1 User does not exist", "userunknown", "sender"),
            (
                "550 5.7.23 SPF authentication failed",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.23 SPF authentication soft-failed",
                "authfailure",
                "sender-admin",
            ),
            ("550 5.7.23 No SPF policy", "authfailure", "sender-admin"),
            (
                "550 5.7.23 Neutral SPF result is not permitted",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.7.23 SPF authentication failed with a temporary error",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.20 No DKIM signatures",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.20 No passing DKIM signatures",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 DMARC check failed",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.25 No PTR record found",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 5.7.25 rDNS name does not match source hostname",
                "requireptr",
                "sender-admin",
            ),
            (
                "554 5.7.0 Client identity is listed in the used DNSBL",
                "blocked",
                "sender-admin",
            ),
            (
                "501 5.7.27 Domain in MAIL FROM does not have any MX records",
                "rejected",
                "sender-admin",
            ),
            (
                "501 5.7.27 Domain in MAIL FROM has null MX record",
                "rejected",
                "sender-admin",
            ),
            (
                "553 5.7.0 Unauthorized use of sender address",
                "rejected",
                "sender",
            ),
            (
                "550 5.7.1 TLS conversation required",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "530 5.7.0 Authentication required",
                "securityerror",
                "sender",
            ),
            (
                "550 5.7.0 Missing From header",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "550 5.7.0 Multiple From addresses are not allowed",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Message does not contains a From header field",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Invalid address in From",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "552 5.3.4 Message header size exceeds limit",
                "contenterror",
                "sender",
            ),
            (
                "554 5.4.6 Too many Received header fields (51), possible forwarding loop",
                "networkerror",
                "recipient-admin",
            ),
            (
                "550 5.1.10 Domain does not accept email (null MX)",
                "notaccept",
                "recipient-admin",
            ),
            (
                "450 4.4.5 High load, try again later",
                "systemerror",
                "nobody",
            ),
        ],
    );
}

/// chasquid internal/smtpsrv/conn.go (its SMTP replies, the SPF and loop checks) and
/// internal/queue/queue.go.
#[test]
fn chasquid_replies() {
    check(
        "chasquid",
        &[
            (
                "550 5.1.1 Destination address is unknown (user does not exist)",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.3 Destination address is invalid",
                "userunknown",
                "sender",
            ),
            ("503 5.7.1 Relay not allowed", "norelaying", "sender"),
            ("452 4.5.3 Too many recipients", "toomanyconn", "sender"),
            ("552 5.3.4 Message too big", "mesgtoobig", "sender"),
            (
                "550 5.7.23 SPF check failed: matched -all",
                "authfailure",
                "sender-admin",
            ),
            (
                "554 5.4.6 Loop detected (50 hops)",
                "networkerror",
                "recipient-admin",
            ),
            (
                "550 5.7.9 Mail to submission port must be authenticated",
                "securityerror",
                "sender",
            ),
            (
                "535 5.7.8 Incorrect user or password",
                "securityerror",
                "sender",
            ),
            (
                "501 5.1.8 Sender address must contain a domain",
                "rejected",
                "sender-admin",
            ),
            (
                "451 4.3.0 Queue size too big, try again later",
                "systemerror",
                "nobody",
            ),
        ],
    );
}

/// Apache James protocols/smtp/src/main/java/org/apache/james/protocols/smtp/core/ and
/// core/fastfail/ (its SMTP handlers: recipients, relaying, DNSBL, greylisting, HELO checks,
/// sender domain, URIBL, size) and server/protocols/protocols-smtp/.../fastfail/
/// (SPFHandler, ValidRcptHandler).
#[test]
fn james_replies() {
    check(
        "Apache James",
        &[
            (
                "550 5.1.1 Unknown user: taro@example.jp",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.1 Requested action not taken: relaying denied",
                "norelaying",
                "sender",
            ),
            (
                "452 5.5.3 Requested action not taken: max recipients reached",
                "toomanyconn",
                "sender-admin",
            ),
            (
                "550 5.7.1 Rejected: unauthenticated e-mail from 192.0.2.8 is restricted.  Contact the postmaster for details.",
                "blocked",
                "sender-admin",
            ),
            (
                "451 4.7.1 Temporary rejected: Reconnect to fast. Please try again later",
                "blocked",
                "nobody",
            ),
            (
                "451 4.7.1 Temporary rejected: Please try again later",
                "blocked",
                "nobody",
            ),
            (
                "501 5.1.8 sender taro@example.jp contains a domain with no valid MX records",
                "rejected",
                "sender-admin",
            ),
            (
                "554 5.7.1 Rejected: message contains domain example.net listed by multi.surbl.org",
                "spamdetected",
                "sender",
            ),
            (
                "550 5.7.1 Blocked - see: http://www.openspf.org/why.html?sender=taro%40example.jp",
                "authfailure",
                "sender-admin",
            ),
            (
                "451 4.4.3 Temporarily rejected: Problem on SPF lookup",
                "authfailure",
                "sender-admin",
            ),
            (
                "501 5.5.2 Provided EHLO/HELO mx.example.jp can not resolved.",
                "blocked",
                "sender-admin",
            ),
            (
                "552 5.3.4 Message size exceeds fixed maximum message size",
                "mesgtoobig",
                "sender",
            ),
            (
                "500 5.0.0 line delimiter must be CRLF",
                "notcompliantrfc",
                "sender-admin",
            ),
        ],
    );
}

/// simscan simscan.c (its custom SMTP rejections, passed on by qmail-smtpd).
#[test]
fn simscan_replies() {
    check(
        "simscan",
        &[
            (
                "554 Your email was rejected because it contains the Eicar-Test-Signature virus",
                "virusdetected",
                "sender",
            ),
            (
                "554 Your email was rejected because it contains a bad attachment: invoice.exe",
                "policyviolation",
                "sender",
            ),
            (
                "554 Your email is considered spam (12.40 spam-hits)",
                "spamdetected",
                "sender",
            ),
        ],
    );
}

/// Haraka's packaged scanner and HELO plugins: haraka-plugin-spamassassin, -rspamd, -clamd
/// and -helo.checks (index.js, the default messages of config), and plugins/early_talker.js.
#[test]
fn haraka_scanner_and_helo_plugins() {
    check(
        "Haraka plugins",
        &[
            (
                "550 spam score exceeded threshold",
                "spamdetected",
                "sender",
            ),
            (
                "550 spam score exceeded relay threshold",
                "spamdetected",
                "sender",
            ),
            ("550 Detected as spam", "spamdetected", "sender"),
            ("451 Virus scanner timed out", "systemerror", "nobody"),
            (
                "451 Error connecting to virus scanner",
                "systemerror",
                "nobody",
            ),
            ("451 spamd scan timeout", "systemerror", "nobody"),
            ("451 Rspamd scan error", "systemerror", "nobody"),
            ("550 HELO host name invalid", "blocked", "sender-admin"),
            ("550 That HELO not allowed here", "blocked", "sender-admin"),
            (
                "550 Invalid address format in HELO",
                "blocked",
                "sender-admin",
            ),
            (
                "550 You are not who you say you are",
                "blocked",
                "sender-admin",
            ),
            (
                "550 Big company w/o rDNS? Unlikely.",
                "blocked",
                "sender-admin",
            ),
            (
                "550 HELO IP literal does not match your IP address",
                "blocked",
                "sender-admin",
            ),
            (
                "550 HELO host has no forward DNS match",
                "blocked",
                "sender-admin",
            ),
            ("554 You talk too soon", "blocked", "sender-admin"),
        ],
    );
}
