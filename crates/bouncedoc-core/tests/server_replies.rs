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

/// MicrosoftDocs/SupportArticles-docs Exchange/ExchangeOnline/email-delivery/ndr/
/// non-delivery-reports-in-exchange-online.md (the NDR table of Exchange Online: every code it
/// lists, with its description and cause) and the per-code pages beside it
/// (fix-error-code-550-5-1-0, -5-1-10, -5-4-1, -5-4-6-through-5-4-20, -5-6-11, -5-7-12,
/// -5-7-13-or-5-7-135, -5-7-136, -5-7-57, -5-7-700-through-5-7-750); the 5.4.310 wording as a
/// public report quotes it (pastebin.com/VQWvQ0TH).
#[test]
fn exchange_online_ndr_reference() {
    check(
        "Exchange Online NDR reference",
        &[
            // The recipient's mailbox is throttled for receiving too fast: a recipient-side
            // rate limit that time lifts.
            (
                "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded",
                "speeding",
                "nobody",
            ),
            // The source: a network problem at the external (receiving) server's location.
            (
                "451 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mx.example.net] [LastAttemptedIP=192.0.2.25:25]",
                "networkerror",
                "recipient-admin",
            ),
            (
                "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'",
                "expired",
                "nobody",
            ),
            (
                "452 4.5.3 Too many recipients [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "toomanyconn",
                "sender",
            ),
            (
                "451 4.7.26 Access denied, a message sent over IPv6 [2001:db8:1::25] must pass either SPF or DKIM validation, this message is not signed [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "authfailure",
                "sender-admin",
            ),
            // DANE / DNSSEC: the source puts the fault on the destination mail server.
            (
                "451 4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.",
                "failedstarttls",
                "recipient-admin",
            ),
            (
                "550 5.7.322 certificate-expired: Destination mail server's certificate is expired.",
                "failedstarttls",
                "recipient-admin",
            ),
            (
                "550 5.7.323 tlsa-invalid: The domain failed DANE validation.",
                "failedstarttls",
                "recipient-admin",
            ),
            (
                "451 4.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC records",
                "networkerror",
                "recipient-admin",
            ),
            (
                "550 5.7.325 certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)",
                "failedstarttls",
                "recipient-admin",
            ),
            // Suspicious activity seen from the sending IP: a temporary restriction on it.
            (
                "451 4.7.500 Access denied, please try again later. (AS761) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "blocked",
                "sender-admin",
            ),
            (
                "451 4.7.850 Access denied, please try again later. [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "blocked",
                "sender-admin",
            ),
            // Rich Text (TNEF) formatting of the message itself.
            (
                "550 5.0.350 x-dg-ref header is too long [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "contenterror",
                "sender",
            ),
            // Nested attachments, refused by a policy of the receiving organisation.
            (
                "550 5.0.350 Requested action not taken: policy violation detected (AS345) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "policyviolation",
                "recipient-admin",
            ),
            // 5.1.0 "Sender denied" is left out: the source explains it as a recipient that
            // could not be resolved (an old legacyExchangeDN), while the same words from
            // Exchange's sender filter mean the recipient's organisation blocks the sender.
            (
                "550 5.1.1 Bad destination mailbox address [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.8 Access denied, bad outbound sender [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
                "speeding",
                "sender",
            ),
            (
                "554 5.2.2 Submission quota exceeded [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "speeding",
                "sender",
            ),
            (
                "550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded.",
                "speeding",
                "nobody",
            ),
            (
                "550 5.2.122 Recipient's per hour message receive limit exceeded.",
                "speeding",
                "nobody",
            ),
            // The organisation's own Office 365 settings (Journaling Archive turned off).
            (
                "550 5.3.190 Journaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled",
                "policyviolation",
                "recipient-admin",
            ),
            // The recipient's domain is not accepted where its MX points (MX or accepted
            // domain misconfigured on the recipient's side).
            (
                "550 5.4.1 Relay Access Denied [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "norelaying",
                "recipient-admin",
            ),
            (
                "550 5.7.504 [kijitora@example.com]: Recipient address rejected: Access denied [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "userunknown",
                "recipient-admin",
            ),
            (
                "554 5.4.6 Routing loop detected",
                "networkerror",
                "recipient-admin",
            ),
            (
                "554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "networkerror",
                "recipient-admin",
            ),
            // The destination server never answered.
            ("550 5.4.300 Message expired", "expired", "recipient-admin"),
            // The recipient's domain does not exist in DNS: the address is wrong.
            (
                "Remote Server returned '550 5.4.310 DNS domain example.invalid does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid] [VE1EUR03FT026.eop-EUR03.prod.protection.outlook.com]'",
                "hostunknown",
                "sender",
            ),
            (
                "550 5.4.310 DNS domain example.invalid does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid]",
                "hostunknown",
                "sender",
            ),
            (
                "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA and receiving system does not support BDAT",
                "notcompliantrfc",
                "sender-admin",
            ),
            (
                "550 5.7.1 Delivery not authorized, message refused [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.12 Sender was not authenticated by organization [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.13 RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; Sender was not authenticated for public folder",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.136 RESOLVER.RST.SenderNotAuthenticated; Sender was not authenticated",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.25 Access denied, the sending IPv6 address [2001:db8:1::25] must have a reverse DNS record [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "requireptr",
                "sender-admin",
            ),
            (
                "530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "securityerror",
                "sender",
            ),
            (
                "550 5.7.64 TenantAttribution; Relay Access Denied [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "norelaying",
                "sender-admin",
            ),
            (
                "550 5.7.124 Sender not in allowed-senders list [BN8PR04MB1234.namprd04.prod.outlook.com]",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.502 Access denied, banned sender [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.505 Access denied, banned recipient [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "userunknown",
                "sender",
            ),
            (
                "550 5.7.507 Access denied, rejected by recipient [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
                "blocked",
                "recipient-admin",
            ),
            (
                "550 5.7.511 Access denied, banned sender[192.0.2.8]. To request removal from this list please forward this message to delist@microsoft.com.",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.620 Access denied, banned sending IP [192.0.2.8]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.703 Your message can't be delivered because one or more recipients are blocked by your organization's tenant recipient block policy.",
                "policyviolation",
                "sender-admin",
            ),
            (
                "550 5.7.705 Access denied, tenant has exceeded threshold",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.708 Access denied, traffic not accepted from this IP",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains",
                "blocked",
                "sender-admin",
            ),
            (
                "The message can't be submitted because the sender's submission quota was exceeded.",
                "speeding",
                "sender",
            ),
            // fix-error-code-550-5-7-1-in-exchange-online.md: Microsoft's own IP blocklist,
            // a public folder closed to outside senders, an account disabled on premises.
            (
                "550 5.7.1 Service unavailable; Client host [192.0.2.8] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com",
                "blocked",
                "sender-admin",
            ),
            (
                "Remote Server returned '<BN8PR04MB1234.namprd04.prod.outlook.com> #5.7.1 smtp;550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]'",
                "securityerror",
                "recipient-admin",
            ),
            // The generic "no permission to send to this address" wording reads `filtered`.
            (
                "Your message couldn't be delivered to the recipient because you don't have permission to send to it. Ask the recipient's email admin to add you to the accept list for the recipient. 550 5.7.129",
                "filtered",
                "recipient-admin",
            ),
            // cannot-send-mail-mepf.md: a public folder (or its mailbox) over its quota.
            (
                "The recipient's mailbox is full and can't accept messages now. Please try resending this message later or contact the recipient directly. Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionQuotaExceeded'",
                "mailboxfull",
                "recipient",
            ),
            // mapiexceptionnotfound-ndr.md: a missing Clutter folder in the recipient's mailbox.
            (
                "554 5.2.0 STOREDRV.Deliver.Exception:ObjectNotFoundException.MapiExceptionNotFound; Failed to process message due to a permanent exception with message Cannot get ID from name",
                "systemerror",
                "recipient-admin",
            ),
            // The user text of a 5.7.x NDR ("How to interpret an Exchange NDR"); a specific
            // SMTP reply beside it decides instead.
            (
                "Your message wasn't delivered due to a permission or security issue. It might have been rejected by a moderator, the address might only accept email from certain senders, or another restriction might be preventing delivery.",
                "rejected",
                "recipient-admin",
            ),
            (
                "Your message wasn't delivered due to a permission or security issue. It might have been rejected by a moderator, the address might only accept email from certain senders, or another restriction might be preventing delivery. mail.example.com #<exchange.example.com #5.7.1 smtp;530 5.7.1 Client was not authenticated> #SMTP#",
                "securityerror",
                "sender",
            ),
            // Connectors (defender-docs defender-office-365/connectors-mail-flow-intelligence.md):
            // Microsoft 365 cannot reach the destination's server; its side must fix it.
            (
                "450 4.4.312 DNS query failed",
                "networkerror",
                "recipient-admin",
            ),
            (
                "450 4.4.315 Connection timed out",
                "networkerror",
                "recipient-admin",
            ),
            (
                "450 4.4.316 Connection refused [Message=Socket error code 10061]",
                "networkerror",
                "recipient-admin",
            ),
            (
                "450 4.4.318 Connection was closed abruptly",
                "networkerror",
                "recipient-admin",
            ),
            (
                "450 4.7.320 Certificate validation failed",
                "failedstarttls",
                "recipient-admin",
            ),
            (
                "550 5.4.312 Message expired, DNS query failed",
                "expired",
                "recipient-admin",
            ),
            // fix-error-code-450-4-4-317-untrusted-root.md: the remote server sends its
            // certificate without the intermediate ones.
            (
                "450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mx.example.net] [LastAttemptedIP=192.0.2.25:25]",
                "failedstarttls",
                "recipient-admin",
            ),
            // fix-error-code-550-5-1-20-multiple-from-addresses.md.
            (
                "550 5.1.20 Multiple From addresses are not allowed without Sender address",
                "notcompliantrfc",
                "sender",
            ),
            // forwarded-message-rejected-5-7-367-ndr.md: a downstream gateway refuses mail
            // that the forwarding tenant sent from its relay pool; the tenant's settings
            // (enhanced filtering, accepted domains) decide it.
            (
                "550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied",
                "norelaying",
                "sender-admin",
            ),
        ],
    );
}

/// Exchange Server's own replies and transport codes, from a decompiled copy of Exchange
/// Server 2016/2019 (evilashz/exchange-server-27065:
/// Microsoft.Exchange.Data.Transport/Data/Transport/Smtp/SmtpResponse.cs, the replies of the
/// SMTP receive side; Microsoft.Exchange.Transport/Exchange/Transport/AckReason.cs, the
/// transport's RESOLVER./ROUTING./STOREDRV./QUEUE. codes; the anti-spam agents'
/// SenderIdAgent and ConnectionFilteringAgent) and MicrosoftDocs/OfficeDocs-Exchange
/// non-delivery-reports-and-bounce-messages.md (the on-premises NDR table: 5.7.1 "Unable to
/// relay" / "Client was not authenticated", 5.7.3 "Cannot achieve Exchange Server
/// authentication").
#[test]
fn exchange_server_receive_and_transport_replies() {
    check(
        "Exchange Server (on-premises)",
        &[
            // Receive connector refusals.
            (
                "530 5.7.1 Client was not authenticated",
                "securityerror",
                "sender",
            ),
            ("530 5.7.1 Not authenticated", "securityerror", "sender"),
            ("550 5.7.1 Unable to relay", "norelaying", "sender"),
            // Between Exchange servers of one organisation: its own connectors.
            (
                "451 5.7.3 Cannot achieve Exchange Server authentication",
                "securityerror",
                "sender-admin",
            ),
            (
                "451 5.7.3 Cannot load Internal Transport Certificate. Exchange Server authentication failed.",
                "securityerror",
                "sender-admin",
            ),
            (
                "451 5.7.3 STARTTLS is required to send mail",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "530 5.7.0 Must issue a STARTTLS command first",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "451 5.7.3 Require STARTTLS to authenticate",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "535 5.7.3 Authentication unsuccessful",
                "securityerror",
                "sender",
            ),
            (
                "504 5.7.4 Unrecognized authentication type",
                "securityerror",
                "sender",
            ),
            (
                "550 5.7.1 Client does not have permissions to send as this sender",
                "securityerror",
                "sender",
            ),
            (
                "550 5.7.1 Client does not have permissions to send on behalf of the from address",
                "securityerror",
                "sender",
            ),
            ("550 5.1.1 User unknown", "userunknown", "sender"),
            (
                "550 5.2.1 Mailbox disabled, not accepting messages",
                "suspend",
                "recipient",
            ),
            ("550 5.2.2 Mailbox full", "mailboxfull", "recipient"),
            (
                "552 5.3.4 Message size exceeds fixed maximum message size",
                "mesgtoobig",
                "sender",
            ),
            (
                "552 5.3.4 Header size exceeds fixed maximum size",
                "contenterror",
                "sender",
            ),
            ("452 4.5.3 Too many recipients", "toomanyconn", "sender"),
            (
                "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel",
                "toomanyconn",
                "nobody",
            ),
            (
                "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel",
                "toomanyconn",
                "nobody",
            ),
            (
                "421 4.4.2 Message submission rate for this client has exceeded the configured limit",
                "speeding",
                "sender",
            ),
            (
                "450 4.5.0 Message rejected.  Excessive message rate from sender to recipient.",
                "speeding",
                "sender",
            ),
            (
                "452 4.3.1 Insufficient system resources",
                "systemfull",
                "nobody",
            ),
            // X.3.2 is "system not accepting network messages": notaccept, temporary.
            ("421 4.3.2 Service not available", "notaccept", "nobody"),
            (
                "421 4.3.2 System not accepting network messages",
                "notaccept",
                "nobody",
            ),
            (
                "554 5.6.0 Invalid message content",
                "contenterror",
                "sender",
            ),
            (
                "554 5.6.1 Messages of type message/partial are not supported",
                "contenterror",
                "sender",
            ),
            (
                "554 5.4.6 Hop count exceeded - possible mail loop",
                "networkerror",
                "recipient-admin",
            ),
            // Anti-spam agents.
            (
                "550 5.7.1 Sender ID (PRA) Not Permitted",
                "authfailure",
                "sender-admin",
            ),
            (
                "550 5.7.1 Recipient not authorized, your IP has been found on a block list",
                "blocked",
                "sender-admin",
            ),
            (
                "550 5.7.1 Message rejected as spam by Content Filtering.",
                "spamdetected",
                "sender",
            ),
            // The sender filter: the receiving organisation blocks this sender.
            ("554 5.1.0 Sender denied", "rejected", "recipient-admin"),
            // The IP block list: entries an administrator added, and the ones the sender
            // reputation added by itself (IPBlockListConfigSchema's default responses).
            (
                "550 5.7.1 External client with IP address 192.0.2.8 does not have permissions to submit to this server.",
                "blocked",
                "recipient-admin",
            ),
            (
                "550 5.7.1 External client with IP address 192.0.2.8 does not have permissions to submit to this server. Visit http://support.microsoft.com/kb/928123 for more information.",
                "blocked",
                "sender-admin",
            ),
            // The attachment filter's default reject response.
            (
                "550 5.7.1 Message rejected due to unacceptable attachments",
                "policyviolation",
                "sender",
            ),
            (
                "550 5.7.1 Client does not have permissions to submit to this server",
                "securityerror",
                "sender",
            ),
            // Transport (categorizer, routing, store driver) codes of its reports.
            (
                "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##",
                "userunknown",
                "sender",
            ),
            (
                "550 5.1.1 RESOLVER.ADR.X400RecipNotFound; not found",
                "userunknown",
                "sender",
            ),
            (
                "550 5.2.3 RESOLVER.RST.SendSizeLimit.Sender; message too large for this sender",
                "mesgtoobig",
                "sender",
            ),
            (
                "550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; message too large for this organization",
                "mesgtoobig",
                "sender",
            ),
            (
                "550 5.2.3 RESOLVER.RST.RecipSizeLimit.DL; message length exceeds administrative limit",
                "exceedlimit",
                "sender",
            ),
            (
                "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route",
                "mesgtoobig",
                "sender",
            ),
            (
                "550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients",
                "toomanyconn",
                "sender",
            ),
            (
                "550 5.2.4 RESOLVER.GRP.DDLQuery; the dynamic distribution list has a misconfigured query",
                "systemerror",
                "recipient-admin",
            ),
            (
                "550 5.2.0 RESOLVER.CON.NoTarget; contact's external address is missing",
                "systemerror",
                "recipient-admin",
            ),
            (
                "550 5.1.2 ROUTING.InvalidAddress; invalid address domain",
                "hostunknown",
                "sender",
            ),
            (
                "554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
                "hostunknown",
                "sender",
            ),
            (
                "554 5.4.4 SMTPSEND.DNS.MxLoopback; DNS records for this domain are configured in a loop",
                "networkerror",
                "recipient-admin",
            ),
            (
                "550 4.4.7 QUEUE.Expired; message expired",
                "expired",
                "nobody",
            ),
            (
                "431 4.3.1 STOREDRV; mailbox disk is full",
                "systemfull",
                "nobody",
            ),
            (
                "432 4.3.2 STOREDRV; mailbox database is offline",
                "notaccept",
                "nobody",
            ),
            (
                "432 4.3.2 STOREDRV.Storage; mailbox server is too busy",
                "notaccept",
                "nobody",
            ),
            (
                "550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy",
                "policyviolation",
                "recipient-admin",
            ),
            (
                "550 5.7.1 RESOLVER.RST.NotAuthorizedToGroup; not authorized to send to the distribution list",
                "rejected",
                "recipient-admin",
            ),
            // The on-premises NDR table: 5.7.900-5.7.999 are a mail flow rule's rejection.
            (
                "550 5.7.900 Delivery not authorized, message refused",
                "policyviolation",
                "recipient-admin",
            ),
            // Out of sequence: the client did not say EHLO first.
            ("503 5.5.2 Send hello first", "syntaxerror", "sender-admin"),
            // The address book policy routing agent: a directory setting of the recipient's side.
            (
                "532 5.3.2 STOREDRV.Deliver; Missing or bad StoreDriver MDB properties",
                "systemerror",
                "recipient-admin",
            ),
            (
                "550 5.7.1 APPROVAL.NotAuthorized; message cannot be delivered.",
                "rejected",
                "recipient-admin",
            ),
            (
                "550 5.7.1 TRA: Policy processing failed: transport rule evaluation timed out.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "451 4.7.0 Timeout waiting for client input",
                "networkerror",
                "nobody",
            ),
            // More of the SMTP receive side (SmtpResponse.cs).
            (
                "454 4.7.5 Certificate validation failure",
                "failedstarttls",
                "sender-admin",
            ),
            (
                "554 5.7.3 Unable to initialize security subsystem",
                "failedstarttls",
                "recipient-admin",
            ),
            (
                "421 4.4.2 Connection dropped due to SocketError",
                "networkerror",
                "nobody",
            ),
            (
                "451 4.4.0 SMTPSEND.SuspiciousRemoteServerError; remote server disconnected abruptly; retry will be delayed",
                "networkerror",
                "nobody",
            ),
            (
                "554 5.4.4 Unable to route due to invalid recipient address",
                "userunknown",
                "sender",
            ),
            (
                "550 5.3.5 System incorrectly configured",
                "systemerror",
                "recipient-admin",
            ),
            (
                "554 5.6.0 STOREDRV.Deliver; invalid message content",
                "contenterror",
                "sender",
            ),
            (
                "550 5.7.9 STOREDRV.Deliver; Recipient mailbox quarantined.",
                "systemerror",
                "recipient-admin",
            ),
            (
                "550 4.4.7 Message dropped. Message too old",
                "expired",
                "nobody",
            ),
            (
                "550 5.2.1 Mailbox cannot be accessed",
                "suspend",
                "recipient",
            ),
        ],
    );
}
