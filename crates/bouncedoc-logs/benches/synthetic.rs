//! A synthetic Postfix log in the proportions of a busy outbound relay: per message a
//! client connection, the cleanup and queue manager lines, one delivery line (most sent,
//! some deferred then sent, some refused), the removal and the disconnection.

use std::io::Write;

const REPLIES: [&str; 3] = [
    "host mx.example.org[192.0.2.25] said: 550 5.1.1 <{r}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
    "host mx.example.net[192.0.2.30] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)",
    "host mx.example.jp[192.0.2.50] said: 452 4.2.2 <{r}>: Mailbox full (in reply to end of DATA command)",
];

/// Writes at least `lines` lines.
pub fn write(out: &mut impl Write, lines: u64) -> std::io::Result<()> {
    let mut written = 0;
    let mut n: u64 = 0;
    while written < lines {
        n += 1;
        let qid = format!("{:010X}", n.wrapping_mul(2_654_435_761) & 0xFF_FFFF_FFFF);
        let (h, m, s) = ((n / 3600) % 24, (n / 60) % 60, n % 60);
        let t = format!("Jan 15 {h:02}:{m:02}:{s:02} relay1");
        let r = format!("user{}@example{}.org", n % 9973, n % 17);
        let pid = 1000 + n % 500;
        writeln!(
            out,
            "{t} postfix/smtpd[{pid}]: connect from app{}.example.com[198.51.100.{}]",
            n % 50,
            n % 250
        )?;
        writeln!(
            out,
            "{t} postfix/cleanup[{pid}]: {qid}: message-id=<{n}.{qid}@app.example.com>"
        )?;
        writeln!(
            out,
            "{t} postfix/qmgr[99]: {qid}: from=<news@example.com>, size={}, nrcpt=1 (queue active)",
            2000 + n % 5000
        )?;
        written += 3;
        let kind = n % 20;
        if kind == 0 || kind == 1 {
            let reply = REPLIES[(kind as usize + n as usize / 20) % 3].replace("{r}", &r);
            let (dsn, status) = if reply.contains(" 452 ") {
                ("4.2.2", "deferred")
            } else {
                (
                    &reply
                        [reply.find(" said: ").unwrap() + 11..reply.find(" said: ").unwrap() + 16],
                    "bounced",
                )
            };
            writeln!(
                out,
                "{t} postfix/smtp[{pid}]: {qid}: to=<{r}>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn={dsn}, status={status} ({reply})"
            )?;
            written += 1;
        } else if kind == 2 {
            writeln!(
                out,
                "{t} postfix/smtp[{pid}]: {qid}: to=<{r}>, relay=mx.example.net[192.0.2.30]:25, delay=3, delays=0.1/0/0.4/2.5, dsn=4.7.1, status=deferred (host mx.example.net[192.0.2.30] said: 451 4.7.1 Greylisted, try again later (in reply to RCPT TO command))"
            )?;
            writeln!(
                out,
                "{t} postfix/smtp[{pid}]: {qid}: to=<{r}>, relay=mx.example.net[192.0.2.30]:25, delay=603, delays=600/0/0.4/2.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as {n:X})"
            )?;
            written += 2;
        } else {
            writeln!(
                out,
                "{t} postfix/smtp[{pid}]: {qid}: to=<{r}>, relay=mx.example.com[192.0.2.40]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as {n:X})"
            )?;
            written += 1;
        }
        writeln!(out, "{t} postfix/qmgr[99]: {qid}: removed")?;
        writeln!(
            out,
            "{t} postfix/smtpd[{pid}]: disconnect from app{}.example.com[198.51.100.{}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
            n % 50,
            n % 250
        )?;
        written += 2;
    }
    Ok(())
}
