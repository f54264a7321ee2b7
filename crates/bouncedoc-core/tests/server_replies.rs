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

/// rspamd src/libserver/milter_internal.h (RSPAMD_MILTER_REJECT_MESSAGE "Spam message
/// rejected", RSPAMD_MILTER_TEMPFAIL_MESSAGE "Try again later", 554 5.7.1 / 451 4.7.1),
/// conf/worker-proxy.inc (reject_message), src/plugins/lua/greylist.lua (message "Try again
/// later", with report_time "Try again later: <end time>"), src/plugins/lua/ratelimit.lua
/// (message_func 'Ratelimit "%s" exceeded'), src/plugins/lua/dmarc.lua ("Action set by
/// DMARC"), lualib/lua_scanners/clamav.lua and the other scanners ('${SCANNER}: virus found:
/// "${VIRUS}"', '${SCANNER}: spam message found: "${VIRUS}"', '${SCANNER}: bulk message
/// found'), src/plugins/lua/mx_check.lua ("Domain published RFC 7505 Null MX"),
/// src/plugins/lua/contextal.lua ("Awaiting deep scan - try again later"), as sent by the
/// MTA in front of it (Postfix's milter client, Exim's spam= ACL).
#[test]
fn rspamd_milter_and_plugins() {
    check(
        "Rspamd",
        &[
            ("554 5.7.1 Spam message rejected", "spamdetected", "sender"),
            (
                "host mx.example.org[192.0.2.25] said: 554 5.7.1 Spam message rejected (in reply to end of DATA command)",
                "spamdetected",
                "sender",
            ),
            // the greylist module's default message, answered as a soft reject
            ("451 4.7.1 Try again later", "blocked", "nobody"),
            (
                "451 4.7.1 Try again later: Mon, 07 Dec 2026 15:05:00 GMT",
                "blocked",
                "nobody",
            ),
            (
                "451 4.7.1 Ratelimit \"user\" exceeded",
                "speeding",
                "sender",
            ),
            (
                "451 4.7.1 Ratelimit \"from\" exceeded",
                "speeding",
                "sender",
            ),
            // recipient-side buckets: time clears them (spec: recipient-side rate limits)
            ("451 4.7.1 Ratelimit \"to\" exceeded", "speeding", "nobody"),
            (
                "451 4.7.1 Ratelimit \"to_ip_from\" exceeded",
                "speeding",
                "nobody",
            ),
            (
                "451 4.7.1 Ratelimit \"bounce_to_ip\" exceeded",
                "speeding",
                "nobody",
            ),
            (
                "554 5.7.1 Action set by DMARC",
                "authfailure",
                "sender-admin",
            ),
            (
                "554 5.7.1 clamav: virus found: \"Eicar-Test-Signature\"",
                "virusdetected",
                "sender",
            ),
            (
                "554 5.7.1 sophos: virus found: \"EICAR-AV-Test\"",
                "virusdetected",
                "sender",
            ),
            (
                "554 5.7.1 razor: spam message found: \"razor\"",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.1 dcc: bulk message found: \"body\"",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.1 pyzor: Pyzor bulk message found: \"pyzor\"",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.1 icap: threat found with icap scanner: \"Trojan.Generic\"",
                "virusdetected",
                "sender",
            ),
            (
                "554 5.7.1 oletools: Oletools threat message found: \"AutoExec + Suspicious (Shell)\"",
                "virusdetected",
                "sender",
            ),
            (
                "550 5.7.27 Domain published RFC 7505 Null MX",
                "notaccept",
                "sender-admin",
            ),
        ],
    );
}

/// amavisd-new lathiat/amavisd:amavisd (2.9.1): the blocked reply is the status, the final
/// destiny ("Reject", "Bounce", with soft_bounce "(soft_bounce)" and 450) and
/// %smtp_reason_by_ccat (CC_VIRUS "id=%n - INFECTED: %V", CC_BANNED "id=%n - BANNED: %F",
/// CC_UNCHECKED "UNCHECKED: encrypted" / "over limits", CC_SPAM "spam", CC_SPAMMY
/// "spammy (tag3)", CC_BADH "BAD HEADER: ..." seven kinds, CC_OVERSIZED "Message size exceeds
/// recipient's size limit"); its SMTP/LMTP server's own replies ("452 4.5.3 Too many
/// recipients", "552 5.3.4 Message size (%s B) exceeds size limit", "Declared message size
/// ... exceeds size limit for recipient", "530 5.7.0 Must issue a STARTTLS command first",
/// "530 5.7.0 Authentication required", "535 5.7.8 Authentication credentials invalid",
/// "554 5.1.1 Recipient unknown", "451 4.5.0 Error in processing, id=...", "421 4.3.2
/// Service shutting down, closing channel"); README_FILES/README.protocol (AM.PDP "550 5.7.1
/// Message content rejected, UBE, id=...").
#[test]
fn amavis_blocked_replies() {
    check(
        "amavisd-new",
        &[
            (
                "554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature",
                "virusdetected",
                "sender",
            ),
            (
                "554 5.7.0 Bounce, id=12345-01 - INFECTED: Win.Trojan.Agent-123",
                "virusdetected",
                "sender",
            ),
            (
                "450 4.7.0 Reject (soft_bounce), id=12345-01 - INFECTED: Eicar-Test-Signature",
                "virusdetected",
                "sender",
            ),
            (
                "554 5.7.0 Reject, id=12345-02 - BANNED: .exe,invoice.pdf.exe",
                "policyviolation",
                "sender",
            ),
            (
                "554 5.7.0 Bounce, id=12345-02 - BANNED: P=p003,L=1,M=application/x-msdownload,T=exe,N=setup.exe",
                "policyviolation",
                "sender",
            ),
            // the filter refuses what it could not check; its own explanation: encrypted
            // or over the decoding limits, so the sender has to send it another way
            (
                "554 5.7.0 Reject, id=12345-03 - UNCHECKED: encrypted",
                "policyviolation",
                "sender",
            ),
            (
                "554 5.7.0 Reject, id=12345-03 - UNCHECKED: over limits",
                "policyviolation",
                "sender",
            ),
            (
                "554 5.7.0 Reject, id=12345-04 - spam",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.0 Bounce, id=12345-04 - spam",
                "spamdetected",
                "sender",
            ),
            (
                "450 4.7.0 Reject (soft_bounce), id=12345-04 - spam",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.0 Reject, id=12345-05 - spammy",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.7.0 Reject, id=12345-05 - spammy (tag3)",
                "spamdetected",
                "sender",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: MIME error",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.3 Reject, id=12345-06 - BAD HEADER: nonencoded 8-bit character",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: contains invalid control character",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: line made up entirely of whitespace",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: line longer than RFC 5322 limit",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: syntax error",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Reject, id=12345-06 - BAD HEADER: missing required header field",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "554 5.6.0 Bounce, id=12345-06 - BAD HEADER: duplicate header field",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "552 5.3.4 Reject, id=12345-07 - Message size exceeds recipient's size limit",
                "mesgtoobig",
                "sender",
            ),
            (
                "552 5.3.4 Bounce, id=12345-07 - Message size exceeds recipient's size limit",
                "mesgtoobig",
                "sender",
            ),
            (
                "552 5.3.4 Message size (31457280 B) exceeds size limit",
                "mesgtoobig",
                "sender",
            ),
            (
                "552 5.3.4 Declared message size (31457280 B) exceeds size limit for recipient <taro@example.jp>",
                "mesgtoobig",
                "sender",
            ),
            ("452 4.5.3 Too many recipients", "toomanyconn", "sender"),
            ("554 5.1.1 Recipient unknown", "userunknown", "sender"),
            (
                "550 5.7.1 Message content rejected, UBE, id=S7uS4qvA",
                "spamdetected",
                "sender",
            ),
            (
                "530 5.7.0 Must issue a STARTTLS command first",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "530 5.7.0 Authentication required",
                "securityerror",
                "sender",
            ),
            (
                "535 5.7.8 Authentication credentials invalid",
                "securityerror",
                "sender",
            ),
            (
                "451 4.5.0 Error in processing, id=12345-08, virus_scan FAILED: virus scanners failed",
                "systemerror",
                "nobody",
            ),
            // 4.3.2: the system is not accepting messages for now (RFC 3463)
            (
                "421 4.3.2 Service shutting down, closing channel",
                "notaccept",
                "nobody",
            ),
        ],
    );
}
