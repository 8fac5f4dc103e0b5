"""Same-story links of `framecmp ingest` on all 982 ECB+ documents: within a topic or across.

    python eval/event_links.py

The committed ECB+ texts (eval/data/ecbplus, CC BY 3.0) are ingested as JSONL records (a URL
each and, where the manifest has one, the real date), and every link `framecmp events` lists is
counted as within a topic (the topic's other event of the same kind, or a split of one event) or
across topics (certainly not one story). An event's topic is that of most of its articles.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ECBPLUS = Path(__file__).resolve().parent / "data" / "ecbplus"


def main() -> int:
    rows = [json.loads(line) for line in (ECBPLUS / "manifest.jsonl").read_text().splitlines()]
    topic_of_url = {f"https://ecbplus.invalid/{r['doc_id']}": int(r["topic"]) for r in rows}
    with tempfile.TemporaryDirectory() as folder:
        records, db = Path(folder) / "all.jsonl", Path(folder) / "store.db"
        with records.open("w", encoding="utf-8") as out:
            for row in rows:
                record = {
                    "text": (ECBPLUS / row["path"]).read_text(encoding="utf-8"),
                    "url": f"https://ecbplus.invalid/{row['doc_id']}",
                    "date": row["date"],
                }
                out.write(json.dumps(record) + "\n")
        command = [sys.executable, "-m", "framecmp"]
        subprocess.run([*command, "ingest", str(records), "--db", str(db)], check=True)
        listed = subprocess.run(
            [*command, "events", "--db", str(db), "--format", "json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        with sqlite3.connect(db) as connection:
            url_of = dict(connection.execute("SELECT id, url FROM articles"))
    events = json.loads(listed)["events"]
    topic_of_event = {
        e["id"]: Counter(topic_of_url[url_of[a["id"]]] for a in e["articles"]).most_common(1)[0][0]
        for e in events
    }
    within = across = 0
    for event in events:
        for related in event.get("related", []):
            other = related["event"] if isinstance(related, dict) else related
            if topic_of_event.get(other) == topic_of_event[event["id"]]:
                within += 1
            else:
                across += 1
    print(f"{len(events)} events; same-story links within a topic {within}, across topics {across}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
