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
