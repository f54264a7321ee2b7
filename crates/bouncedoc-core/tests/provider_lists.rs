//! The providers' published lists of their own replies, one table per list: every entry read
//! from the list (in a reply of this project's own writing, shaped as the provider sends it)
//! must decide the reason and the party the list's explanation gives. The list each table
//! comes from is named above it; the rules cite the same pages in their `source`.

use bouncedoc_core::{Engine, Lang};

/// Each row: the reply, the reason, who must act.
fn check(list: &str, rows: &[(&str, &str, &str)]) {
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    for (text, reason, party) in rows {
        let d = engine.explain(text, Lang::En).unwrap();
        if d.reason.as_str() != *reason || d.party.as_str() != *party {
            failures.push(format!(
                "{text:?}: {} / {} (rule {:?}), want {reason} / {party}",
                d.reason,
                d.party,
                d.rule_id()
            ));
        }
    }
    assert!(failures.is_empty(), "{list}:\n{}", failures.join("\n"));
}

/// support.google.com/a/answer/3726730 (Gmail SMTP errors and codes).
#[test]
fn gmail_smtp_errors_and_codes() {
    check(
        "Gmail SMTP errors and codes",
        &[
            (
                "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser x12si345 - gsmtp",
                "userunknown",
                "sender",
            ),
            (
                "550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser x12si345 - gsmtp",
                "suspend",
                "recipient",
            ),
            (
                "452-4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp x12si345 - gsmtp",
                "mailboxfull",
                "recipient",
            ),
            (
                "450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time. x12si345 - gsmtp",
                "speeding",
                "nobody",
            ),
            (
                "421-4.7.0 [192.0.2.8] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. x12si345 - gsmtp",
                "blocked",
                "sender-admin",
            ),
            (
                "550-5.7.1 [192.0.2.8] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. x12si345 - gsmtp",
                "spamdetected",
                "sender",
            ),
            (
                "550-5.7.25 [192.0.2.8] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records. x12si345 - gsmtp",
                "requireptr",
                "sender-admin",
            ),
            (
                "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. x12si345 - gsmtp",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 x12si345 - gsmtp",
                "speeding",
                "sender",
            ),
            (
                "452 4.5.3 Your message has too many recipients. For more information regarding Google's sending limits, visit https://support.google.com/mail/answer/6592 x12si345 - gsmtp",
                "toomanyconn",
                "sender",
            ),
            (
                "550 5.7.1 Email quota exceeded. x12si345 - gsmtp",
                "speeding",
                "sender",
            ),
            (
                "450 4.2.1 Peak SMTP relay limit exceeded for customer. x12si345 - gsmtp",
                "speeding",
                "sender",
            ),
            (
                "421 4.7.0 TLS required for RCPT domain, closing connection. x12si345 - gsmtp",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "535 5.7.8 Username and Password not accepted. x12si345 - gsmtp",
                "securityerror",
                "sender",
            ),
            (
                "552 5.2.3 Your message exceeded Google's message size limits. x12si345 - gsmtp",
                "mesgtoobig",
                "sender",
            ),
            (
                "550 5.7.1 Message rejected. See https://support.google.com/mail/answer/69585 for more information. x12si345 - gsmtp",
                "spamdetected",
                "sender",
            ),
            (
                "421 4.3.0 Temporary System Problem. Try again later (10). x12si345 - gsmtp",
                "systemerror",
                "nobody",
            ),
            (
                "554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop. x12si345 - gsmtp",
                "networkerror",
                "recipient-admin",
            ),
        ],
    );
}

/// learn.microsoft.com Exchange Online NDR reference, the Microsoft 365 external forwarding
/// page, and the Outlook.com replies quoted by postmastery.com and public reports.
#[test]
fn microsoft_ndr_and_outlook_com_replies() {
    check(
        "Exchange Online / Outlook.com",
        &[
            (
                "550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)",
                "policyviolation",
                "recipient-admin",
            ),
            (
                "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [CO1NAM11FT040.eop-nam11.prod.protection.outlook.com]",
                "userunknown",
                "recipient-admin",
            ),
            (
                "550 5.7.124 Delivery not authorized, message refused. Sender not in allowed-senders list. [AM6PR0502MB3686.eurprd05.prod.outlook.com]",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients. [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "speeding",
                "sender",
            ),
            (
                "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group.",
                "rejected",
                "recipient-admin",
            ),
            (
                "Your message couldn't be delivered because you weren't recognized as a valid sender. The most common reason for this is that your email address is suspected of sending spam and it's no longer allowed to send messages outside of your organization. Remote Server returned '550 5.1.8 Access denied, bad outbound sender'",
                "blocked",
                "sender-admin",
            ),
            (
                "451 4.7.650 The mail server [192.0.2.8] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://aka.ms/postmaster (S775)",
                "badreputation",
                "sender-admin",
            ),
            (
                "550 5.7.1 Unfortunately, messages from [192.0.2.8] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). [DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]",
                "blocked",
                "sender-admin",
            ),
            (
                "554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour. [MWH0EPF000A6735.namprd04.prod.outlook.com]",
                "speeding",
                "nobody",
            ),
            (
                "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources [BN1PEPF00004681.namprd05.prod.outlook.com]",
                "blocked",
                "recipient-admin",
            ),
            (
                "421 RP-001 (COL004-MC5F12) The mail server IP connecting to Outlook.com server has exceeded the rate limit allowed. Reason for rate limitation is related to IP/domain reputation problems.",
                "badreputation",
                "sender-admin",
            ),
            (
                "550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level.",
                "authfailure",
                "sender-admin",
            ),
            (
                "421 PR(ct1) The mail server IP connecting to Outlook.com server has exceeded the connection limit allowed.",
                "toomanyconn",
                "nobody",
            ),
        ],
    );
}

/// help.yahoo.com SLN3444 / SLN3436 / SLN26151 and smtp.codes/yahoo.
#[test]
fn yahoo_smtp_error_codes() {
    check(
        "Yahoo",
        &[
            (
                "554 delivery error: dd This user doesn't have a yahoo.com account (taro@yahoo.com) [0] - mta1001.mail.ne1.yahoo.com",
                "userunknown",
                "sender",
            ),
            (
                "554 delivery error: dd Sorry your message to taro@yahoo.com cannot be delivered. This mailbox is disabled (554.30). - mta1001.mail.bf1.yahoo.com",
                "suspend",
                "recipient",
            ),
            (
                "421 4.7.0 [TSS04] Messages from 192.0.2.8 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
                "badreputation",
                "sender-admin",
            ),
            (
                "421 4.7.1 [TS03] All messages from 192.0.2.8 permanently deferred; Retrying will NOT succeed. See http://postmaster.yahoo.com/421-ts03.html",
                "blocked",
                "sender-admin",
            ),
            (
                "450 User is receiving mail too quickly - mta1002.mail.yahoo.com",
                "speeding",
                "nobody",
            ),
            (
                "421 Max message per connection reached, closing transmission channel - mx.yahoo.com",
                "toomanyconn",
                "nobody",
            ),
            (
                "553 VS99-IP1 deferred - mta5.yahoo.com",
                "blocked",
                "sender-admin",
            ),
            (
                "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)",
                "blocked",
                "sender-admin",
            ),
            (
                "451 mta1002.mail.gq1.yahoo.com Resources temporarily unavailable. Please try again later [#4.16.1].",
                "systemerror",
                "nobody",
            ),
            (
                "421 4.7.0 [GL01] Message from (192.0.2.8) temporarily deferred - 4.16.50. Please refer to https://postmaster.yahooinc.com/error-codes",
                "badreputation",
                "sender-admin",
            ),
            (
                "554 5.7.9 Message not accepted for policy reasons. See https://help.yahoo.com/kb/postmaster/SLN7253.html",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.",
                "authfailure",
                "sender-admin",
            ),
        ],
    );
}

/// postmaster.cox.net Error Codes (and the entries Cox's forum quotes).
#[test]
fn cox_error_codes() {
    check(
        "Cox",
        &[
            (
                "554 192.0.2.8 rejected. Refer to Error Codes section at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXBL",
                "blocked",
                "sender-admin",
            ),
            (
                "550 <news@example.com> message rejected. Refer to Error Codes section at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXSNDR",
                "authfailure",
                "sender-admin",
            ),
            (
                "421 cmsmtp blocked. Refer to Error Codes section at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CXCNCT",
                "toomanyconn",
                "sender-admin",
            ),
        ],
    );
}

/// GoDaddy's "Fix rejected email with a bounce error" and the replies public reports quote.
#[test]
fn godaddy_bounce_errors() {
    check(
        "GoDaddy",
        &[
            (
                "550 5.1.0 192.0.2.8 is not allowed to send from <example.com> per it's SPF Record. Please inspect your SPF settings, and try again. IB508 host smtp.secureserver.net",
                "authfailure",
                "sender-admin",
            ),
            (
                "552 5.2.0 1AbCdE This message has been rejected due to content judged to be spam by the internet community IB212 host smtp.secureserver.net",
                "spamdetected",
                "sender",
            ),
            (
                "421 Temporarily rejected. Reverse DNS for this IP failed. IB108 host mx1.secureserver.net",
                "requireptr",
                "sender-admin",
            ),
            (
                "550 5.1.1 <taro@example.com> - 192.0.2.8 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce> host smtp.secureserver.net",
                "speeding",
                "nobody",
            ),
        ],
    );
}

/// smtp.codes/zoho.
#[test]
fn zoho_replies() {
    check(
        "Zoho",
        &[
            (
                "541 5.4.1 Mail rejected by destination domain host mx.zoho.com",
                "rejected",
                "recipient-admin",
            ),
            (
                "452 <taro@example.com> Mailbox delivery restricted by policy error host mx.zoho.com",
                "policyviolation",
                "recipient-admin",
            ),
            (
                "550 5.7.1 Email rejected per DMARC policy for example.net host mx.zoho.com",
                "authfailure",
                "sender-admin",
            ),
            (
                "552 5.7.1 virus Win.Test.EICAR_HDB-1 detected by Zoho Mail",
                "virusdetected",
                "sender",
            ),
            (
                "452 4.3.1 Temporary System Error host mx.zoho.com",
                "systemerror",
                "nobody",
            ),
        ],
    );
}

/// postmaster.facebook.com/response_codes.
#[test]
fn facebook_response_codes() {
    check(
        "Facebook",
        &[
            (
                "550 5.1.1 RCP-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.8#rcp Recipient address does not exist",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.8#rcp Refused due to recipient preferences",
                "filtered",
                "recipient",
            ),
            (
                "550 5.7.1 DNS-P3 http://postmaster.facebook.com/response_codes?ip=192.0.2.8#dns No reverse DNS",
                "requireptr",
                "sender-admin",
            ),
            (
                "552 5.3.4 MSG-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.8#msg Message too large",
                "mesgtoobig",
                "sender",
            ),
            (
                "451 4.3.0 INT-T1 http://postmaster.facebook.com/response_codes?ip=192.0.2.8#int Temporary internal error",
                "systemerror",
                "nobody",
            ),
        ],
    );
}

/// smtp.codes/icloud and bentonow.com/smtp-errors/apple.
#[test]
fn icloud_replies() {
    check(
        "iCloud",
        &[
            (
                "421 4.7.1 Messages to hanako@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137",
                "speeding",
                "nobody",
            ),
            (
                "550 5.1.1 <hanako@icloud.com>: user does not exist",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137",
                "policyviolation",
                "sender-admin",
            ),
            (
                "451 4.7.1 Service unavailable - try again later host mx02.mail.icloud.com",
                "systemfull",
                "nobody",
            ),
            (
                "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/ host mx01.mail.icloud.com",
                "spamdetected",
                "sender",
            ),
            (
                "552 5.2.2 <hanako@icloud.com>: user is over quota",
                "mailboxfull",
                "recipient",
            ),
        ],
    );
}

/// yandex.com/support/mail/bounces/yandex.html and mailout.ru's list of Mail.ru's errors.
#[test]
fn yandex_and_mailru_replies() {
    check(
        "Yandex / Mail.ru",
        &[
            (
                "550 5.7.1 No such user! 1700000000-AbCd-mx.yandex.ru",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.1 Policy rejection on the target address 1700000000-AbCd-mx.yandex.net",
                "suspend",
                "recipient",
            ),
            (
                "552 5.2.2 Mailbox size limit exceeded 1700000000-AbCd-mx.yandex.net",
                "mailboxfull",
                "recipient",
            ),
            (
                "550 Message was not accepted -- invalid mailbox. Local mailbox taro@mail.ru is unavailable: user not found",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.1 This message was not accepted due to domain owner DMARC policy (RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc",
                "authfailure",
                "sender-admin",
            ),
        ],
    );
}

/// bentonow.com/smtp-errors/laposte and /orange.
#[test]
fn laposte_and_orange_codes() {
    check(
        "La Poste / Orange",
        &[
            (
                "550 5.1.1 <taro@laposte.net>: Recipient address rejected: Adresse d'au moins un destinataire invalide / Invalid recipient. LPN007_416",
                "userunknown",
                "sender",
            ),
            (
                "450 4.1.8 <news@example.com>: Sender address rejected: Emetteur invalide / Invalid Sender. LPN007_405",
                "rejected",
                "sender-admin",
            ),
            (
                "550 5.7.1 Message rejected due to the sender domain DMARC policy. LPN007_517",
                "authfailure",
                "sender-admin",
            ),
            (
                "450 4.7.1 Client host rejected: Service refuse. Veuillez essayer plus tard / service refused, please try later. LPN027_503",
                "blocked",
                "sender-admin",
            ),
            (
                "421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration / Too many connections, slow down. OFR004_104",
                "toomanyconn",
                "sender-admin",
            ),
        ],
    );
}

/// AT&T Worldnet's "Error Message Summary" (worldnet.att.net block_enduser.html).
#[test]
fn att_error_message_summary() {
    check(
        "AT&T",
        &[
            ("450 busy--Please try again later", "toomanyconn", "nobody"),
            (
                "521 <192.0.2.8> is blocked. Please see http://www.att.net/general-info/bls_info/521.html",
                "blocked",
                "sender-admin",
            ),
            (
                "550 [suspend] Mailbox currently suspended--Please contact correspondent directly.",
                "suspend",
                "recipient",
            ),
            (
                "550 5.7.1 Connections not accepted from servers without a valid sender domain.flph840 Fix reverse DNS for 192.0.2.8",
                "requireptr",
                "sender-admin",
            ),
        ],
    );
}

/// postmaster.comcast.net (block removal request guidelines, error codes).
#[test]
fn comcast_postmaster_pages() {
    check(
        "Comcast",
        &[
            (
                "550 5.1.1 <taro@comcast.net> Not our Customer",
                "userunknown",
                "sender",
            ),
            (
                "554 IMTA08.westchester.pa.mail.comcast.net comcast 192.0.2.8 Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry. Currently your mail server does not fill that requirement.",
                "requireptr",
                "sender-admin",
            ),
        ],
    );
}

/// smtp.codes/qq (QQ Mail) and a public copy of NetEase's refusal codes.
#[test]
fn qq_and_netease_replies() {
    check(
        "QQ Mail / NetEase",
        &[
            (
                "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728",
                "userunknown",
                "sender",
            ),
            (
                "550 Sender frequency limited. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000723",
                "toomanyconn",
                "sender",
            ),
            (
                "550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725",
                "toomanyconn",
                "nobody",
            ),
            (
                "550 MI:SPF mx14,QMCowECpA0qTiftVaeB3Cg--.872S2 1442548128 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.8&hostid=mx14&time=1442548128",
                "authfailure",
                "sender-admin",
            ),
        ],
    );
}

/// smtp.codes/rackspace (Rackspace Email).
#[test]
fn rackspace_replies() {
    check(
        "Rackspace",
        &[
            (
                "450 4.2.1 <taro@example.com>: Mailbox received too much email in a short period of time (G30)",
                "speeding",
                "nobody",
            ),
            (
                "451 4.7.1 Received too many messages from a new or untrusted IP (G28)",
                "speeding",
                "sender-admin",
            ),
            (
                "421 Too many concurrent connections from this client (G2)",
                "toomanyconn",
                "nobody",
            ),
            (
                "450 4.7.1 Client host 192.0.2.8 has no PTR record (G1F)",
                "requireptr",
                "sender-admin",
            ),
        ],
    );
}

/// note.com/sendmagic (SMTP応答コードについて: ドコモ編 n/neb6bbe7e51cf, au編 n/n875d8dcb6cb8,
/// SoftBank編 n/n5afbf98aeb25), support.ntt.com/mail/faq/detail/pid2300000e64,
/// akisoftware.com/pmsrv/help/docomo.html, moneytimes.jp/archives/185548/2, kaltq.wicurio.com (Q1013: "Unknown
/// user ... (in reply to RCPT TO command)" is a wrong address), au's "EZwebへメール
/// 送信する際の注意事項" (存在しないアドレスは 550), SoftBank's "送信のご注意" (creation.mb.softbank.jp).
#[test]
fn japanese_carrier_replies() {
    check(
        "docomo / au / SoftBank",
        &[
            (
                "host mfsmax.docomo.ne.jp[203.0.113.240] said: 550 Unknown user example-sakura@docomo.ne.jp (in reply to end of DATA command)",
                "filtered",
                "recipient",
            ),
            (
                "host mfsmax.docomo.ne.jp[203.0.113.240] said: 550 Unknown user example-kenji@docomo.ne.jp (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "SMTP error from remote mail server after RCPT TO:<example-kenji@docomo.ne.jp>: host mfsmax.docomo.ne.jp [203.0.113.240]: 550 Unknown user example-kenji@docomo.ne.jp",
                "userunknown",
                "sender",
            ),
            (
                "SMTP error from remote mail server after end of data: host mfsmax.docomo.ne.jp [203.0.113.240]: 550 Unknown user example-kenji@docomo.ne.jp",
                "filtered",
                "recipient",
            ),
            (
                "Status: 5.2.0\nDiagnostic-Code: smtp; 550 Unknown user example-yuna@docomo.ne.jp",
                "filtered",
                "recipient",
            ),
            (
                "Status: 5.1.1\nDiagnostic-Code: smtp; 550 Unknown user example-haru@docomo.ne.jp",
                "userunknown",
                "sender",
            ),
            (
                "host mfsmax.docomo.ne.jp[203.0.113.240] said: 552 Too much mail data example-rin@docomo.ne.jp (in reply to end of DATA command)",
                "mailboxfull",
                "recipient",
            ),
            (
                "host mfsmax.docomo.ne.jp[203.0.113.240] said: 500 Line Too Long (in reply to end of DATA command)",
                "notcompliantrfc",
                "sender",
            ),
            (
                "host lsean.ezweb.ne.jp[203.0.113.228] said: 550 <example-mio@ezweb.ne.jp>: User unknown (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "host lsean.ezweb.ne.jp[203.0.113.228] said: 554 <example..aoi.@ezweb.ne.jp>: Relay access denied (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "host lsean.ezweb.ne.jp[203.0.113.228] said: 554 <example-riku@@ezweb.ne.jp>: Relay access denied (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "host mx.softbank.jp[203.0.113.50] said: 550 Invalid recipient: <example-sota@i.softbank.jp> (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "Status: 5.1.1\nDiagnostic-Code: smtp; 550 Invalid recipient: <example-hina@softbank.ne.jp>",
                "userunknown",
                "sender",
            ),
            (
                "host mx.softbank.jp[203.0.113.50] said: 553 bounce.example.invalid does not exist (in reply to MAIL FROM command)",
                "hostunknown",
                "sender-admin",
            ),
            (
                "Mail System Error - Returned Mail This Message was undeliverable due to the following reason: The user(s) account is temporarily over quota. <example-kana@ezweb.ne.jp>",
                "mailboxfull",
                "recipient",
            ),
            (
                "This Message was undeliverable due to the following reason: Each of the following recipients was rejected by a remote mail server. Recipient: <example-pwd@m1.point.ne.jp> Reason: <example-pwd@m1.point.ne.jp>... User unknown",
                "userunknown",
                "sender",
            ),
        ],
    );
}

/// support.google.com/mail/answer/6596?hl=ja (Gmail の返送メール), support.google.com/mail/answer/22839?hl=ja
/// (送信制限), support.google.com/a/answer/2451690?hl=ja (DMARC), urashita.com/?p=36286 (受信トレイの空き容量不足),
/// learn.microsoft.com/ja-jp (Exchange Online
/// の配信不能レポート: 5.1.x, 5.2.2, 5.3.4, 5.7.1), support.microsoft.com/ja-jp/kb/940620
/// (RFC に準拠しない宛先への配信不能), diy-seikatsu.com (Gmail アプリからキャリアメールへ: Illegal envelope
/// To: address), the mailbox-tool test quoting Gmail's Japanese "アドレス不明" notice.
#[test]
fn gmail_and_outlook_as_japanese_users_see_them() {
    check(
        "Gmail / Outlook (ja)",
        &[
            (
                "アドレス不明 アドレスが見つからなかったか、メールを受信できないアドレスであるため、メールは example-taro@example.jp に配信されませんでした。 リモート サーバーからの応答: 550 5.1.1 User unknown",
                "userunknown",
                "sender",
            ),
            (
                "アドレス不明 アドレスが見つからなかったか、メールを受信できないアドレスであるため、メールは example-hanako@docomo.ne.jp に配信されませんでした。",
                "userunknown",
                "sender",
            ),
            (
                "Delivery to the following recipient failed permanently: example..jiro.@docomo.ne.jp Technical details of permanent failure: Internal parse error: Illegal envelope To: address (not valid RFC5321 syntax)",
                "userunknown",
                "sender",
            ),
            (
                "このメールは、受信者全員または一部に届きませんでした。 以下の受信者にメールを配信できません: 'example..saburo.@ezweb.ne.jp' 無効な受信者",
                "userunknown",
                "sender",
            ),
            (
                "配信不能: お見積もりの件 次の受信者へのメッセージの配信に失敗しました: example-goro@example.co.jp 電子メール アドレスの形式が正しくありません。",
                "userunknown",
                "sender",
            ),
            (
                "配信不能: 打ち合わせ 次の受信者へのメッセージの配信に失敗しました: example-shiro@example.co.jp 無効な受信者です。",
                "userunknown",
                "sender",
            ),
            (
                "配信不能: 打ち合わせ example-nana@example.co.jp 不明なアドレスです。",
                "userunknown",
                "sender",
            ),
            (
                "example-goro@example.co.jp へのメッセージを配信できませんでした。example-goro が example.co.jp に見つかりませんでした。",
                "userunknown",
                "sender",
            ),
            (
                "次の受信者またはグループへの配信に失敗しました: 営業部 (sales@example.co.jp) この受信者またはグループに送信するためのアクセス許可がありません。",
                "rejected",
                "recipient-admin",
            ),
            (
                "次の受信者またはグループへの配信に失敗しました: example-jun@example.co.jp 受信者のメールボックスがいっぱいで、現在はメッセージを受信できません。",
                "mailboxfull",
                "recipient",
            ),
            (
                "メッセージが大きすぎるため、次の受信者に配信できませんでした: example-jun@example.co.jp",
                "mesgtoobig",
                "sender",
            ),
            (
                "宛先の受信トレイの空き容量不足 example-yui@gmail.com にメールを配信できませんでした。宛先の受信トレイがいっぱいか、宛先で現在多数のメールを受信しています。",
                "mailboxfull",
                "recipient",
            ),
            (
                "550 5.7.26 example.co.jp から送信された未認証メールはドメインの DMARC ポリシーのために受け付けられません。",
                "authfailure",
                "sender-admin",
            ),
            (
                "メッセージが送信されませんでした 送信できるメールの制限数に達しました。しばらくしてから送信してください。",
                "speeding",
                "sender",
            ),
            (
                "送信先のメール アカウントは存在しません。 550 5.1.1 The email account that you tried to reach does not exist.",
                "userunknown",
                "sender",
            ),
            (
                "Sorry, we were unable to deliver your message to the following address. <example-ryo@example.com>: Message expired for domain example.com. Remote host said: 454 4.7.1 <example-ryo@example.com>: Relay access denied [RCPT_TO]",
                "norelaying",
                "recipient-admin",
            ),
            (
                "メールのブロック example-mika@example.jp でメールがブロックされました。詳しくは、下記の詳細な技術情報をご覧ください。 リモート サーバーからの応答: 550 5.7.1 Service unavailable, Client host [192.0.2.8] blocked using Spamhaus",
                "blocked",
                "sender-admin",
            ),
            (
                "Delivery to the following recipient failed permanently: example-ai@example.invalid Technical details of permanent failure: DNS Error: Domain name not found",
                "hostunknown",
                "sender",
            ),
            (
                "192.0.2.25 does not like recipient. Remote host said: 550 5.1.1 <example-kei@example.co.jp>... User unknown Giving up on 192.0.2.25.",
                "userunknown",
                "sender",
            ),
        ],
    );
}

/// support.ocn.ne.jp (英語のエラーメール) and the OCN notice quoted by intx.co.jp/14091204,
/// help.sakura.ad.jp/rs/2265 (さくらのレンタルサーバ: エラーメールの内容), design-inc.jp's reading of a
/// KAGOYA (dmail.kagoya.net) refusal, support.biglobe.ne.jp/news/news716.html (BIGLOBE: 100 宛先,
/// 20MB), did2memo.net/2020/02/16/yahoo-mail-failure-notice-mail (Yahoo!メール's "Failure Notice"),
/// faq.megaegg.jp/faq_detail.html?id=296, asahi-net.jp (Returned mail の確認), goope.jp/info/information/?id=712,
/// mahoro-ba.net/e771.html (Yahoo! JAPAN's "Delivery failure"), pa-solution.net (chupicom's reading),
/// tiki.ne.jp/ace/faq/mail.html (ホスティングエース), sphere.ne.jp (InfoSphere: "550 can't accept user"),
/// web.arena.ne.jp (WebARENA メールホスティング: 制限事項), hocoroco.net/internet_lifeguide/errormail.html.
#[test]
fn japanese_isp_and_hosting_replies() {
    check(
        "OCN / Sakura / KAGOYA / BIGLOBE / Yahoo! JAPAN / ISPs",
        &[
            (
                "This is the Postfix program at host defer113.ocn.ad.jp. <example-ken@estate.ocn.ne.j>: Host or domain name not found. Name service error for name=estate.ocn.ne.j type=A: Host not found",
                "hostunknown",
                "sender",
            ),
            (
                "host mx.ocn.ne.jp[203.0.113.70] said: 550 5.1.1 <example-emi@abc.ocn.ne.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "----- The following addresses had permanent fatal errors ----- <info@example.jp> (reason: 550 Host unknown) ----- Transcript of session follows ----- 550 5.1.2 <info@example.jp>... Host unknown (Name server: example.jp.: host not found)",
                "hostunknown",
                "sender",
            ),
            (
                "host www1234.sakura.ne.jp[192.0.2.44] said: 550 5.1.1 <sales@example.sakura.ne.jp>... Invalid recipient (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "host www1234.sakura.ne.jp[192.0.2.44] said: 550 <office@example.sakura.ne.jp>: Invalid Address (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "** THIS IS A WARNING MESSAGE ONLY ** ** YOU DO NOT NEED TO RESEND YOUR MESSAGE ** ----- The following addresses had transient non-fatal errors ----- <info@example.jp> ----- Transcript of session follows ----- 451 <info@example.jp>... example.jp: Name server timeout Warning: message still undelivered after 4 hours Will keep trying until message is 5 days old",
                "expired",
                "nobody",
            ),
            (
                "<info@example.co.jp>: host dmail.kagoya.net[192.0.2.92] said: 550 5.1.1 <info@example.co.jp>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "<support@example.co.jp>: host dmail.kagoya.net[192.0.2.92] said: 552 5.2.2 <support@example.co.jp>: Mailbox full (in reply to end of DATA command)",
                "mailboxfull",
                "recipient",
            ),
            (
                "host mx.biglobe.ne.jp[192.0.2.60] said: 552 5.3.4 Error: message file too big (in reply to end of DATA command)",
                "mesgtoobig",
                "sender",
            ),
            (
                "Sorry, we were unable to deliver your message to the following address. <example-nao@example.com>: Remote host said: 550 5.1.1 <example-nao@example.com>: Recipient address rejected: User unknown [RCPT_TO]",
                "userunknown",
                "sender",
            ),
            (
                "Sorry, no mailbox here by that name. (#5.1.1)",
                "userunknown",
                "sender",
            ),
            (
                "<example-yuka@example.megaegg.ne.jp>: Recipient's mailbox is full, message returned to sender. (#5.2.2)",
                "mailboxfull",
                "recipient",
            ),
            (
                "<user@example.ne.jp>: user is over quota",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 5.2.2: Recipient address rejected: Mailbox is full",
                "mailboxfull",
                "recipient",
            ),
            (
                "This is the Postfix program at host mx1.asahi-net.or.jp. <example-tech@desk.asahi-net.or.jp@mx1.asahi-net.or.jp>: User unknown: \"example-tech@desk.asahi-net.or.jp\"",
                "userunknown",
                "sender",
            ),
            (
                "Message from yahoo.co.jp. Unable to deliver message to the following address(es). <example-sho@yahoo.co.jp>: This user doesn't have a yahoo.co.jp account (example-sho@yahoo.co.jp)",
                "userunknown",
                "sender",
            ),
            (
                "<example-taku@example.ne.jp>: 送信先メールアドレスの@マークの右側が存在しません",
                "hostunknown",
                "sender",
            ),
            (
                "<example-rie@example.ne.jp>: temporarily over quota.",
                "mailboxfull",
                "recipient",
            ),
            (
                "host mail.example.tiki.ne.jp[192.0.2.61] said: 452 sorry, mailbox is full (#4.5.2) (in reply to RCPT TO command)",
                "mailboxfull",
                "recipient",
            ),
            (
                "552 sorry, that message size exceeds my databytes limit (#5.3.4)",
                "mesgtoobig",
                "sender",
            ),
            ("550 can't accept user... (#5.7.1)", "userunknown", "sender"),
            (
                "554 5.7.1 <example-koji@example.net>: Relay access denied",
                "norelaying",
                "sender",
            ),
            (
                "552 5.3.4 Error: message file too big",
                "mesgtoobig",
                "sender",
            ),
        ],
    );
}

/// cloud-sup.cybersolutions.co.jp/hc/ja/articles/360039226551 (MailGates: "550 sorry, we don't allow
/// this mail." is a DMARC failure), jcity.zendesk.com (Gmail's DMARC refusal quoted for Japanese
/// senders), maildata.jp/blog/blog-2024-03-12.html and blog-2024-06-22.html (Yahoo's and the SPF
/// policy refusals, in Japanese).
#[test]
fn authentication_refusals_japanese_senders_see() {
    check(
        "MailGates / Gmail / Yahoo (ja pages)",
        &[
            (
                "host mx.example.co.jp[192.0.2.30] said: 550 sorry, we don't allow this mail. (in reply to end of DATA command)",
                "authfailure",
                "sender-admin",
            ),
            (
                "550-5.7.26 Unauthenticated email from gmail.com is not accepted due to domain's 550-5.7.26 DMARC policy. Please contact the administrator of gmail.com domain 550-5.7.26 if this was a legitimate mail. x12si345 - gsmtp",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.0 Email rejected per SPF policy",
                "authfailure",
                "sender-admin",
            ),
        ],
    );
}

/// mail.nifty.com/cs/mail-faq/detail/3s6akkq58l_k (@niftyメールへ送信する際の注意事項: FCrDNS 検証,
/// SPF/DKIM/DMARC), faq.nifty.com/app/answers/detail/a_id/22527 (a refusal naming spamcop/spamhaus when
/// @nifty's own server is listed), faq.bbiq.jp (BBIQ), help-gmobb.dga.jp (GMO とくとくBB): the ISPs'
/// readings of the replies their members get back; support.so-net.ne.jp (000012544: notices from
/// MAILER-DAEMON@mgate*.so-net.ne.jp), xserver.ne.jp's mail-trouble FAQ (an account over its capacity
/// receives nothing; SMTP authentication from abroad is refused unless allowed). The FCrDNS refusal
/// and the authentication failure are Postfix's wordings (reject_unknown_client_hostname,
/// smtpd_sasl_auth), the ones such checks answer with.
#[test]
fn japanese_isp_sender_side_replies() {
    check(
        "@nifty / So-net / Xserver / BBIQ / GMO",
        &[
            (
                "host mx.nifty.com[192.0.2.70] said: 450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.8] (in reply to RCPT TO command)",
                "requireptr",
                "sender-admin",
            ),
            (
                "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.9",
                "blocked",
                "sender-admin",
            ),
            (
                "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.9",
                "blocked",
                "sender-admin",
            ),
            (
                "552 5.2.2 <example-moe@example.ne.jp>: Message size exceeds remaining quota",
                "mailboxfull",
                "recipient",
            ),
            (
                "<example-kou@nifty.com>: host mx.nifty.com[192.0.2.70] said: 550 5.1.1 <example-kou@nifty.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "This is the mail system at host mgate01.so-net.ne.jp. <example-aya@ab.so-net.ne.jp>: host mx.so-net.ne.jp[192.0.2.75] said: 550 5.1.1 <example-aya@ab.so-net.ne.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
                "userunknown",
                "sender",
            ),
            (
                "<info@example.co.jp>: host sv1234.xserver.jp[192.0.2.80] said: 552 5.2.2 <info@example.co.jp>: Mailbox full (in reply to end of DATA command)",
                "mailboxfull",
                "recipient",
            ),
            (
                "sv1234.xserver.jp[192.0.2.80]: 535 5.7.8 Error: authentication failed: authentication failure",
                "securityerror",
                "sender",
            ),
            (
                "552 5.3.4 Message exceeds maximum fixed size",
                "exceedlimit",
                "sender",
            ),
        ],
    );
}
