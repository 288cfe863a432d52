"""The page's own style and script, and the Content-Security-Policy that admits them and
nothing else (hashes of the two texts), kept apart from the markup that ``report.html`` writes."""
from __future__ import annotations

import base64
import hashlib

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}th[scope=row]{background:#fafafa;font-weight:normal}
code{background:#f3f3f3;padding:0 .2rem}mark{background:#ffe066;padding:0 .1rem}
nav a{margin-right:.8rem}.muted{color:#666}.sentence{max-width:40rem}
.v-agreement{background:#d4efd7}.v-rounding{background:#e6f2d3}.v-majority{background:#fde8c8}
.v-contradiction{background:#f8d0c8}.v-outlier{background:#f4a79d;font-weight:bold;outline:2px dashed #b3261e;outline-offset:-3px}
.v-basis_mismatch{background:#dde7f8}.v-possible_misspelling{background:#eadcf5}.none{color:#999;text-align:center}
.legend span{display:inline-block;padding:.1rem .5rem;margin:0 .3rem .3rem 0;border:1px solid #ccc}
.sev-error{color:#b3261e;font-weight:bold}.sev-warning{color:#8a5a00}.sev-info{color:#555}
#filter{border:1px solid #ccc;padding:.5rem 1rem;margin:.5rem 0}#filter fieldset{border:0;display:inline;margin:0 1.5rem 0 0;padding:0}
#filter label{margin-right:.6rem;white-space:nowrap}.grid td{min-width:6rem}
section.finding{border-top:1px solid #ddd;margin-top:1rem}
"""

SCRIPT = """
(function () {
  var form = document.getElementById("filter");
  if (form) {
    var items = document.querySelectorAll("[data-severity][data-kind]");
    var status = document.getElementById("filter-status");
    var rows = document.querySelectorAll("#conflicts tbody tr");
    var apply = function () {
      var on = {};
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        on[box.name + ":" + box.value] = box.checked;
      });
      items.forEach(function (el) {
        el.hidden = !(on["severity:" + el.dataset.severity] && on["kind:" + el.dataset.kind]);
      });
      var shown = 0;
      rows.forEach(function (row) { if (!row.hidden) { shown += 1; } });
      status.textContent = shown + " of " + rows.length + " conflicts shown";
    };
    form.addEventListener("change", apply);
    document.getElementById("filter-all").addEventListener("click", function () {
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
      apply();
    });
    var hash = location.hash.slice(1);
    if (hash.indexOf("=") >= 0) {
      var wanted = new URLSearchParams(hash);
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        if (wanted.has(box.name)) {
          box.checked = wanted.get(box.name).split(",").indexOf(box.value) >= 0;
        }
      });
    }
    form.hidden = false;
    form.dispatchEvent(new Event("change"));
  }
  document.documentElement.setAttribute("data-ready", "true");
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; "
       "img-src data:; form-action 'none'; base-uri 'none'")
