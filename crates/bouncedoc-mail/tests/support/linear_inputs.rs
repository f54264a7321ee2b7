//! Generated inputs that grow one dimension of a message: the patterns of issue 17 whose
//! work once grew with the square of their size. Shared by `tests/linear_time.rs` and the
//! `linear_probe` example (which prints release-build figures).

/// A message whose `Subject` is one line of `n` encoded words separated by spaces.
pub fn encoded_words(n: usize) -> Vec<u8> {
    let mut out = b"From: a@example.jp\nTo: b@example.jp\nSubject:".to_vec();
    for _ in 0..n {
        out.extend_from_slice(b" =?utf-8?B?5a6b5YWI?=");
    }
    out.extend_from_slice(b"\n\nbody\n");
    out
}

/// A message whose `Content-Type` is one line with `n` encoded words in a parameter (the
/// MIME parser reads that header's value itself).
pub fn content_type_words(n: usize) -> Vec<u8> {
    let mut out = b"From: a@example.jp\nSubject: x\nContent-Type: text/plain; name=\"".to_vec();
    for i in 0..n {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(b"=?utf-8?B?5a6b5YWI?=");
    }
    out.extend_from_slice(b"\"; charset=utf-8\n\nbody\n");
    out
}

/// A Postfix bounce about `n` recipients: one paragraph each in the notification and one
/// block each in the delivery-status part.
pub fn postfix_recipients(n: usize) -> Vec<u8> {
    let mut out = String::from(
        "From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\n\
         Subject: Undelivered Mail Returned to Sender\n\
         To: sender@example.org\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n\
         --B\nContent-Type: text/plain\n\n\
         This is the mail system at host mx.example.jp.\n\n\
         \x20                  The mail system\n\n",
    );
    for i in 0..n {
        out.push_str(&format!(
            "<user{i}@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1\n    \
             <user{i}@example.net>... User Unknown (in reply to RCPT TO command)\n\n"
        ));
    }
    out.push_str(
        "--B\nContent-Type: message/delivery-status\n\n\
         Reporting-MTA: dns; mx.example.jp\nX-Postfix-Queue-ID: 1111\n\n",
    );
    for i in 0..n {
        out.push_str(&format!(
            "Final-Recipient: rfc822; user{i}@example.net\nAction: failed\nStatus: 5.1.1\n\n"
        ));
    }
    out.push_str("--B--\n");
    out.into_bytes()
}

/// A bounce in no known format with `n` `text/plain` parts, each naming its own recipient.
pub fn text_parts(n: usize) -> Vec<u8> {
    let mut out = String::from(
        "From: MAILER-DAEMON@mx.example.jp\n\
         Subject: Delivery failure\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"B\"\n\n",
    );
    for i in 0..n {
        out.push_str(&format!(
            "--B\nContent-Type: text/plain\n\n<user{i}@example.net>: 550 no such user\n"
        ));
    }
    out.push_str("--B--\n");
    out.into_bytes()
}

/// The CPU time this thread has used, from Linux's `/proc/thread-self/schedstat` (in
/// nanoseconds); `None` where there is no such file. Other processes on a busy machine
/// stretch the wall-clock time of a run but not its CPU time, so ratios of CPU times hold
/// where ratios of wall-clock times do not.
pub fn thread_cpu_time() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(nanos))
}

/// How long `f` takes: in this thread's CPU time where the system tells it, else in
/// wall-clock time.
pub fn time<T>(f: impl FnOnce() -> T) -> (std::time::Duration, T) {
    let (cpu, wall) = (thread_cpu_time(), std::time::Instant::now());
    let out = f();
    let took = match (cpu, thread_cpu_time()) {
        (Some(start), Some(end)) => end.saturating_sub(start),
        _ => wall.elapsed(),
    };
    (took, out)
}

/// A bounce in no known format whose text starts with `n` blank lines, then names `n`
/// recipients alone on their lines (whose words are read from the start of the text).
pub fn blank_lines_then_recipients(n: usize) -> Vec<u8> {
    let mut out = String::from("From: MAILER-DAEMON@mx.example.jp\nSubject: Delivery failure\n\n");
    out.push_str(&"\n".repeat(n));
    out.push_str("The following addresses failed: 550 no such user\n");
    for i in 0..n {
        out.push_str(&format!("<user{i}@example.net>\n"));
    }
    out.into_bytes()
}
