"""Evaluation corpus: every folder with a gold file, scored by factcheck.evaluate.

    python -m bench.evaluate [--markdown]

The seeds (gold in tests/golden/seeds.gold.yaml) and each cluster under tests/data with a
gold.yaml: planted conflicts found with the right verdict, conflicts reported beyond the gold
(to check by hand), traps and agreements flagged, claims quoted from page furniture. The
figure should only go up; docs/evaluation.md keeps the last one.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml
from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
def corpora() -> list[tuple[str, Path, Path]]:
    """(name, folder, gold file) of every corpus with a gold file."""
    found = []
    found.append(("seeds", ROOT / "seeds", ROOT / "tests" / "golden" / "seeds.gold.yaml"))
    for folder in sorted((ROOT / "tests" / "data").iterdir()):
        if (folder / "gold.yaml").is_file():
            found.append((folder.name, folder, folder / "gold.yaml"))
    return found


def evaluate() -> list[dict]:
    """Score every corpus; one row of counts per corpus."""
    from factcheck import api
    from factcheck.evaluate import score

    rows = []
    for name, folder, gold_path in corpora():
        out = Path(tempfile.mkdtemp(prefix="factcheck-eval-"))
        api.run([folder], out, rules_dirs=[ROOT / "rules"])
        data = json.loads((out / "conflicts.json").read_text(encoding="utf-8"))
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        r = score(data, gold).as_dict()
        planted = len([c for c in gold.get("conflicts", []) if not c.get("stretch")])
        rows.append({"corpus": name, "planted": planted, "found": planted - len(r["missed"]),
                     "wrong verdict": len(r["wrong_verdict"]), "reported": r["reported"],
                     "beyond gold": len(r["unmatched"]),
                     "trap/agreement hits": len(r["trap_hits"]) + len(r["agreement_hits"]),
                     "furniture hits": len(r["furniture_hits"])})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="a GitHub table (for docs/evaluation.md)")
    args = ap.parse_args(argv)
    rows = evaluate()
    total = {k: sum(r[k] for r in rows) for k in rows[0] if k != "corpus"}
    rows.append({"corpus": "total", **total})
    print(tabulate([list(r.values()) for r in rows], headers=list(rows[0].keys()),
                   tablefmt="github" if args.markdown else "simple"))
    recall = total["found"] / max(total["planted"], 1)
    precision = 1 - total["beyond gold"] / max(total["reported"], 1)
    print(f"\nrecall {recall:.3f} on {total['planted']} planted conflicts; "
          f"{total['beyond gold']} of {total['reported']} reported conflicts beyond the gold "
          f"(precision at most {precision:.3f}); {total['trap/agreement hits']} traps or agreements flagged; "
          f"{total['furniture hits']} furniture hits")
    return 0 if total["found"] == total["planted"] else 1


if __name__ == "__main__":
    sys.exit(main())
