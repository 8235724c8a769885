"""Write a folder of hostile and broken input files beside some good ones.

    python bench/hostile_corpus.py OUT_DIR [--scale 1.0]
    steppe ingest OUT_DIR --db sqlite:///hostile.db

Every file is listed in OUT_DIR/.manifest.json (hidden, so ingestion leaves it out) with
what must happen to it:
  skip   reported with a reason, nothing stored from it
  store  stored (good files, and readable files in awkward encodings)
  mixed  some records stored, the others reported (JSON Lines with bad lines)
  any    stored or reported, as long as the batch goes on (e.g. a damaged PDF that still
         has readable pages, a chmod 000 file that root can read anyway)
  duplicate  the same text as a file stored under another path: not stored again
`--scale` shrinks the large files (huge attributes, long lines) for quick runs in CI.
The file named in the manifest's "vanish" entry is for the runner to delete mid-run.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import article, markdown  # noqa: E402

RUSSIAN = ("Казахстан и Узбекистан подписали соглашение о сотрудничестве в Ташкенте. "
           "Министры обсудили торговлю и водные ресурсы.\n")
PROSE = ("Kazakhstan and Uzbekistan signed an agreement on transit in Tashkent on 3 May 2021. "
         "Trade between the two states reached $4 billion that year. ")


def build_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one line of Helvetica text per page."""
    count, objects = len(pages), []
    font_ref = 3 + 2 * count
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [" + b" ".join(f"{3 + 2 * i} 0 R".encode()
                                                          for i in range(count))
                   + f"] /Count {count} >>".encode())
    for i, line in enumerate(pages):
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       f"<< /Font << /F1 {font_ref} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
                       .encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream
                       + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def encrypted_pdf(text: str, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([text]))))
    writer.encrypt(user_password=password, owner_password="owner-" + password,
                   algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class Corpus:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries: list[dict] = []

    def add(self, name: str, content: bytes | str, expect: str, kind: str, **extra) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        self.entries.append({"path": name, "expect": expect, "kind": kind, **extra})
        return path

    def note(self, name: str, expect: str, kind: str, **extra) -> None:
        self.entries.append({"path": name, "expect": expect, "kind": kind, **extra})


def generate(root: Path, scale: float = 1.0, good: int = 40) -> dict:
    """Write the corpus under `root`; return the manifest (also saved as .manifest.json)."""
    rng = random.Random(14)
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root)
    big = max(1, int(scale * 10))

    # Good files, in every format.
    for i in range(good):
        doc = article(10_000 + i)
        c.add(f"good/{doc['id']}.md", markdown(doc), "store", "good", contains=doc["text"][:40])
    doc = article(20_000)
    c.add("good/page.html", f"<html><head><title>{doc['title']}</title></head><body><article>"
          f"<p>{doc['text']}</p></article></body></html>", "store", "good")
    c.add("good/records.jsonl", "\n".join(json.dumps(article(20_001 + k)) for k in range(3)),
          "store", "good")
    c.add("good/rows.csv", "id,text\n" + "".join(f"{d['id']},\"{d['text']}\"\n" for d in
                                                 (article(20_010 + k) for k in range(3))),
          "store", "good")
    c.add("good/report.pdf", build_pdf([article(20_020)["text"]]), "store", "good")

    # PDFs: truncated at many points, encrypted, fake.
    pdf = build_pdf([PROSE, "Second page about Kyrgyzstan and Tajikistan."])
    for k in range(40):
        cut = int(len(pdf) * (k + 1) / 42)
        c.add(f"pdf/truncated-{k:02d}.pdf", pdf[:cut], "any", "truncated PDF")
    for k in range(6):
        c.add(f"pdf/encrypted-{k}.pdf", encrypted_pdf(PROSE, f"pw{k}"), "skip", "encrypted PDF")
    c.add("pdf/not-a-pdf.pdf", PROSE, "skip", "fake PDF")
    c.add("pdf/random.pdf", rng.randbytes(5000), "skip", "fake PDF")
    c.add("pdf/header-only.pdf", b"%PDF-1.7\n", "skip", "fake PDF")
    c.add("pdf/bomb-xref.pdf", b"%PDF-1.4\n" + b"1 0 obj\n<< /Length 99999999 >>\nstream\n"
          + b"x" * 1000 + b"\nendstream\nendobj\nxref\n0 1\ntrailer\n<< /Root 1 0 R >>\n"
          b"startxref\n9\n%%EOF", "skip", "fake PDF")

    # HTML: scripts, iframes, deep nesting, huge attributes, nothing but markup.
    for k in range(8):
        c.add(f"html/script-{k}.html", f"<html><body><script>document.write('pwned {k}');"
              f"fetch('http://127.0.0.1:9/x')</script><p>{PROSE} Page {k}.</p>"
              f"<script>alert({k})</script></body></html>", "store", "HTML with scripts",
              absent="pwned")
    for k in range(4):
        c.add(f"html/iframe-{k}.html", f"<html><body><iframe src=\"javascript:alert({k})\">"
              f"</iframe><iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>{PROSE} Frame {k}.</p>"
              "</body></html>", "store", "HTML with iframes")
    for depth in (1000, 10_000, 50_000):
        c.add(f"html/nested-{depth}.html", "<html><body>" + "<div>" * depth + PROSE
              + f"Depth {depth}." + "</div>" * depth + "</body></html>", "any", "deeply nested HTML")
    c.add("html/unclosed-50000.html", "<div>" * 50_000 + PROSE, "any", "deeply nested HTML")
    for k in range(3):
        c.add(f"html/huge-attribute-{k}.html", f"<html><body><p title=\"{'A' * (big * 200_000)}\">"
              f"{PROSE} Attribute {k}.</p></body></html>", "any", "huge HTML attribute")
    c.add("html/script-only.html", "<html><body><script>var x = 1;</script></body></html>",
          "skip", "HTML without text")
    c.add("html/comment-bomb.html", "<!--" * 100_000, "any", "malformed HTML")
    c.add("html/entities.html", "<p>" + "&amp;" * 100_000 + "</p>", "any", "malformed HTML")

    # Binary content under text extensions.
    blobs = {"png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000),
             "elf": b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(2000),
             "zip": b"PK\x03\x04" + rng.randbytes(2000),
             "gzip": b"\x1f\x8b\x08\x00" + rng.randbytes(2000),
             "random": rng.randbytes(4000),
             "controls": bytes(rng.choice(range(1, 9)) for _ in range(3000))}
    for ext in ("txt", "md", "html", "jsonl", "json", "csv"):
        for name, blob in blobs.items():
            c.add(f"binary/{name}.{ext}", blob, "skip", "binary with text extension")

    # Encodings.
    for k in range(10):
        c.add(f"enc/invalid-utf8-{k}.txt", PROSE.encode() + bytes([0xC3, 0x28, 0xFF, 0xFE][k % 4:])
              + f"{PROSE} Bytes {k}.".encode(), "store", "invalid UTF-8")
    for k, codec in enumerate(("utf-16-le", "utf-16-be") * 3):
        c.add(f"enc/utf16-nobom-{k}.txt", (PROSE * (k + 1) + f"Wide {k}.").encode(codec), "store",
              "UTF-16 without BOM", contains="Kazakhstan and Uzbekistan")
    for k in range(7):
        c.add(f"enc/cp1251-{k}.txt", (RUSSIAN * (k + 1)).encode("cp1251"), "store", "cp1251",
              contains="Казахстан")
        c.add(f"enc/koi8r-{k}.txt", (RUSSIAN * (k + 1) + "Ещё раз.\n").encode("koi8_r"), "store", "KOI8-R",
              contains="Казахстан")
    c.add("enc/utf16-bom.txt", codecs.BOM_UTF16_LE + (PROSE + "BOM.").encode("utf-16-le"), "store", "UTF-16")
    c.add("enc/lone-surrogate.jsonl", '{"id": "surrogate", "text": "Kazakhstan \\ud800 met"}\n'
          + json.dumps({"id": "ok-after-surrogate", "text": PROSE + "S."}), "mixed", "lone surrogate")

    # NUL bytes: early (binary), late (past the sniffed start), in a JSON string.
    for k in range(4):
        c.add(f"nul/early-{k}.txt", PROSE.encode() + b"\x00" * (k + 1) + PROSE.encode(),
              "skip", "NUL bytes")
    for k in range(4):
        c.add(f"nul/late-{k}.txt", PROSE.encode() * 120 + b"\x00" + PROSE.encode(), "any",
              "NUL bytes")
    c.add("nul/escaped.jsonl", json.dumps({"id": "nul-json", "text": "Kazakhstan\u0000met"})
          + "\n" + json.dumps({"id": "ok-after-nul", "text": PROSE + "N."}), "mixed", "NUL bytes")

    # Long lines and run-on text.
    words = PROSE.replace(". ", " ").split()
    for k in range(big):
        c.add(f"long/line-100k-{k}.txt", " ".join(rng.choice(words) for _ in range(17_000)),
              "store", "100k-character line")
    c.add("long/no-spaces.txt", "Kyrgyzstan" * 10_000 * big, "store", "100k-character line")
    c.add("long/runon-caps.txt", "Kyrgyzstan " * 10_000 * big, "store", "run-on text")
    c.add("long/runon-words.txt", "the state and the border " * 4_000 * big, "store",
          "run-on text")
    c.add("long/runon-dash.txt", "Tashkent-Bishkek " * 6_000 * big, "store", "run-on text")
    c.add("long/many-newlines.txt", "\n" * 200_000 + PROSE + "Newlines.", "store", "run-on text")

    # JSON Lines and JSON: broken, huge and duplicate-id lines, deep nesting, odd types.
    lines = [json.dumps({"id": "jl-a", "text": PROSE}), '{"id": "jl-b", "text": "unterminated',
             json.dumps({"id": "jl-a", "text": PROSE + " Again."}),
             json.dumps({"id": "jl-huge", "text": PROSE + "and so on " * 50_000 * big}),
             "[" * 100_000, json.dumps({"id": {"nested": 1}, "text": PROSE + " Nested id."}),
             json.dumps({"id": "jl-num-text", "text": 42}), "null", "{}", "\x01\x02",
             json.dumps({"id": "jl-c", "text": PROSE + " Third."})]
    c.add("jsonl/mixed.jsonl", "\n".join(lines), "mixed", "JSONL with broken lines")
    c.add("jsonl/deep.json", "[" * 100_000 + "]" * 100_000, "skip", "deeply nested JSON")
    c.add("jsonl/deep-object.json", '{"a":' * 50_000 + "1" + "}" * 50_000, "skip",
          "deeply nested JSON")
    c.add("jsonl/deep-line.jsonl", '{"id": "deep", "text": ' + "[" * 50_000, "skip",
          "deeply nested JSON")
    c.add("jsonl/not-json.jsonl", "this is not json\n" * 10, "skip", "broken JSONL")
    c.add("jsonl/array-of-numbers.json", "[1, 2, 3]", "skip", "broken JSONL")
    c.add("jsonl/scalar.json", "42", "skip", "broken JSONL")
    c.add("jsonl/truncated.json", '[{"id": "t", "text": "Kazakhstan', "skip", "broken JSONL")
    for k in range(5):
        c.add(f"jsonl/dup-{k}.jsonl", "\n".join(json.dumps({"id": f"dup-{j}", "text": f"{PROSE} {j}"})
                                                 for j in range(3)), "duplicate" if k else "store",
              "duplicate ids")

    # CSV.
    c.add("csv/no-text-column.csv", "id,body\na,b\n", "skip", "broken CSV")
    c.add("csv/huge-field.csv", "id,text\nh,\"" + "x " * 100_000 * big + "\"\n", "any",
          "broken CSV")
    c.add("csv/unbalanced.csv", 'id,text\na,"never closed\nb,fine\n', "any", "broken CSV")
    c.add("csv/nul.csv", "id,text\na,Kazakhstan\x00met\n", "skip", "NUL bytes")

    # Zero-byte and blank files, in every format.
    for ext in ("txt", "md", "html", "htm", "pdf", "jsonl", "json", "csv"):
        c.add(f"empty/zero.{ext}", b"", "skip", "zero-byte file")
        c.add(f"empty/blank.{ext}", b" \n\t\n", "skip", "zero-byte file")

    # Front matter that is not what it claims.
    c.add("front/yaml-bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
          + "".join(f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 10)}]\n"
                    for k in range(8)) + "---\n" + PROSE, "any", "YAML alias bomb")
    c.add("front/python-tag.md", "---\nx: !!python/object/apply:os.system ['echo pwned']\n---\n"
          + PROSE, "any", "YAML with a code tag")
    c.add("front/not-mapping.md", "---\n- a\n- b\n---\n" + PROSE + "Front.", "store", "odd front matter")

    # Symlinks: dangling, to itself, a loop of folders, to a good file.
    links = root / "links"
    links.mkdir(exist_ok=True)
    os.symlink("does-not-exist.txt", links / "dangling.txt")
    c.note("links/dangling.txt", "skip", "dangling symlink")
    os.symlink("self.txt", links / "self.txt")
    c.note("links/self.txt", "skip", "symlink loop")
    os.symlink(".", links / "loop")
    c.note("links/loop", "skip", "symlink loop")
    os.symlink("..", links / "up")
    c.note("links/up", "skip", "symlink loop")
    os.symlink("../good/page.html", links / "to-good.html")
    c.note("links/to-good.html", "duplicate", "symlink to a good file")

    # Unreadable permissions (root reads them anyway, hence "any" when run as root).
    for k in range(3):
        p = c.add(f"perm/unreadable-{k}.txt", PROSE + f" Unreadable {k}.",
                  "any" if os.geteuid() == 0 else "skip", "unreadable file")
        p.chmod(0)
    locked = root / "perm" / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(PROSE + " Locked folder.")
    locked.chmod(0)
    c.note("perm/locked", "any" if os.geteuid() == 0 else "skip", "unreadable folder")

    # A file for the runner to delete while the ingest runs (named to sort last).
    c.add("zzz-vanishing.txt", PROSE + " Vanishing.", "any", "vanishes mid-run")

    manifest = {"scale": scale, "files": c.entries, "vanish": "zzz-vanishing.txt"}
    (root / ".manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty")
    manifest = generate(args.out, args.scale)
    bad = [e for e in manifest["files"] if e["kind"] != "good"]
    print(f"{len(manifest['files'])} files in {args.out}: {len(bad)} bad, "
          f"{len(manifest['files']) - len(bad)} good")


if __name__ == "__main__":
    main()
