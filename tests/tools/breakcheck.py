#!/usr/bin/env python3
"""breakcheck.py DUMP URL...: where lines break, read from --dump-layout output. Prints one
line per bad break and exits 1 if any: a hyphenation inside a compound ("Korea-Rus-"), a
hyphen break leaving fewer than 3 letters ("Il-", "co-"), a paragraph's last word hyphenated (citations after it or not), or
an address (URL, e-mail) broken anywhere but at its punctuation or with a hyphen added."""
import re
import sys

lines = []  # (para, text)
for raw in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"^\s*line .* para=(\d+) .*?\|(.*)\|$", raw)
    if m:
        lines.append((int(m.group(1)), m.group(2).replace("\u00a0", " ")))
urls = sys.argv[2:]
# the words seen whole somewhere: "co-" then "operation" is the compound co-operation broken
# at its own hyphen when "co-operation" is one of them, else a hyphenation ("de-scribed")
whole = {t.strip(".,;:") for _, text in lines for t in text.split()}
bad = []
for i, (para, text) in enumerate(lines):
    nxt = lines[i + 1] if i + 1 < len(lines) and lines[i + 1][0] == para else None
    toks = text.split()
    if not toks or not nxt or not toks[-1].endswith("-"):
        continue
    last, first = toks[-1], nxt[1].split()[0] if nxt[1].split() else ""
    if any(u.startswith(last) or last in u for u in urls):
        continue
    if re.search(r"[A-Za-z]+-[A-Za-z]+-$", last):
        bad.append(f"hyphenated inside a compound: '{last}' / '{first}'")
    elif re.search(r"(^|-)[A-Za-z]{1,2}-$", last) and (last + first).strip(".,;:") in whole:
        bad.append(f"a hyphen break leaving under 3 letters: '{last}' / '{first}'")
    # the paragraph's last word: the next line is the paragraph's last, holding one word
    after = lines[i + 2] if i + 2 < len(lines) else None
    words = [t for t in nxt[1].split() if re.search(r"[A-Za-z]", t)]
    if (not after or after[0] != para) and len(words) == 1 and first[:1].islower():
        bad.append(f"the paragraph's last word hyphenated: '{last}' / '{nxt[1]}'")
# addresses: join each paragraph's lines with '|' and look at every break inside an address
paras = {}
for para, text in lines:
    paras.setdefault(para, []).append(text)
for para, ls in paras.items():
    joined = "|".join(ls)
    for u in urls:
        pat = "\\|?".join(re.escape(c) for c in u)
        for m in re.finditer(pat, joined):
            s = m.group(0)
            for k, c in enumerate(s):
                if c != "|":
                    continue
                before, after = s[:k].replace("|", ""), s[k + 1:].replace("|", "")
                ok = after[:1] in set("/._-?#%&=~@") or before.endswith("//") or (before.endswith(":") and not after.startswith("/"))
                if not ok or len(before) < 3 or len(after) < 3:
                    bad.append(f"an address broken at '{before[-8:]}|{after[:8]}'")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
