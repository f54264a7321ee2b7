#!/bin/sh
# Writes the fuzz targets' seed folders (fuzz/corpus/<target>/, not committed): every message
# of the shared corpus, and generated messages of the patterns whose work once grew with
# the square of their size (many encoded words, many Postfix recipients, many text parts).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${BOUNCEDOC_SHARED:-/work/shared}
out=$here/corpus
mkdir -p "$out/parse_message" "$out/decode_header" "$out/explain_reply"
# Real bounces (small enough for libFuzzer's -max_len).
find "$shared/corpus/maildir" -type f -size -64k | while read -r f; do
  cp "$f" "$out/parse_message/$(basename "$f")"
done
# Header values: each Subject of the corpus, and generated runs of encoded words.
i=0
grep -h -m1 '^Subject:' -r "$shared/corpus/maildir" 2>/dev/null | while read -r line; do
  i=$((i + 1))
  printf '%s' "${line#Subject: }" > "$out/decode_header/subject-$i"
done
words() { n=$1; w=$2; s=''; j=0; while [ $j -lt "$n" ]; do s="$s$w "; j=$((j + 1)); done; printf '%s' "$s"; }
words 200 '=?utf-8?B?5a6b5YWI?=' > "$out/decode_header/words-b"
words 200 '=?iso-8859-1?Q?=A1Hola_?=' > "$out/decode_header/words-q"
printf '=?utf-8?B?5a6b?=\n =?bad?B?QQ==?= (=?utf-8?Q?a_b?=) =?utf-8' > "$out/decode_header/mixed"
{
  printf 'From: a@example.jp\nSubject: '
  words 200 '=?utf-8?B?5a6b5YWI?='
  printf '\nContent-Type: text/plain; name="'
  words 200 '=?utf-8?B?5a6b5YWI?='
  printf '"\n\nbody\n'
} > "$out/parse_message/gen-encoded-words"
{
  printf 'From: MAILER-DAEMON@mx.example.jp\nSubject: Undelivered Mail Returned to Sender\n'
  printf 'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
  printf -- '--B\nContent-Type: text/plain\n\nThis is the mail system at host mx.example.jp.\n\n   The mail system\n\n'
  j=0; while [ $j -lt 300 ]; do printf '<u%d@example.net>: host mx said: 550 5.1.1 unknown\n\n' $j; j=$((j + 1)); done
  printf -- '--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n'
  j=0; while [ $j -lt 300 ]; do printf 'Final-Recipient: rfc822; u%d@example.net\nAction: failed\nStatus: 5.1.1\n\n' $j; j=$((j + 1)); done
  printf -- '--B--\n'
} > "$out/parse_message/gen-postfix-recipients"
{
  printf 'From: MAILER-DAEMON@mx.example.jp\nSubject: Delivery failure\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n'
  j=0; while [ $j -lt 300 ]; do printf -- '--B\nContent-Type: text/plain\n\n<u%d@example.net>: 550 no such user\n' $j; j=$((j + 1)); done
  printf -- '--B--\n'
} > "$out/parse_message/gen-text-parts"
# Replies to explain: the first diagnostic line of each corpus message.
grep -h -m1 '^Diagnostic-Code:' -r "$shared/corpus/maildir" 2>/dev/null | head -200 | while read -r line; do
  i=$((i + 1))
  printf '%s' "${line#Diagnostic-Code: }" > "$out/explain_reply/diag-$i"
done
echo "seeds: $(ls "$out/parse_message" | wc -l) parse_message, $(ls "$out/decode_header" | wc -l) decode_header, $(ls "$out/explain_reply" | wc -l) explain_reply"
