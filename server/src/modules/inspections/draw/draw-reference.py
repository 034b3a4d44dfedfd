#!/usr/bin/env python3
"""Independent re-implementation of the Yingshang draw (yingshang-draw/1) in plain Python 3.

Reads a transcript JSON on stdin and prints, as JSON, what it recomputes from the transcript's rosters,
parameters and random value: the roster hashes, the seed, the strata and the selection. It shares no code
with the TypeScript implementation, so agreement between the two checks the published algorithm itself
(see roster-hash.ts, draw-seed.ts, uniform-index.ts, sampling.ts, inspector-pools.ts, select.ts).
Usage: python3 draw-reference.py < transcript.json
"""
import hashlib
import json
import sys

TWO_256 = 1 << 256
CLASS_ORDER = {"A": 0, "B": 1, "C": 2, "D": 3}


def jcs(o):
    # RFC 8785 for the values used here (strings, integers, booleans, arrays, objects with ASCII keys).
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def lp(b):
    return len(b).to_bytes(4, "big") + b


def roster_hash(entries, set_fields):
    h = hashlib.sha256()
    for e in entries:
        e = dict(e)
        for f in set_fields:
            e[f] = sorted(set(e[f]))
        h.update((jcs(e) + "\n").encode("utf-8"))
    return h.hexdigest()


def uniform_index(stream, i, m):
    if m == 1:
        return 0
    limit = TWO_256 - (TWO_256 % m)
    r = 0
    while True:
        data = stream + i.to_bytes(8, "big") + (r.to_bytes(4, "big") if r > 0 else b"")
        h = int.from_bytes(hashlib.sha256(data).digest(), "big")
        if h < limit:
            return h % m
        r += 1


def shuffle(n, stream):
    moved = {}
    for i in range(n):
        j = i + uniform_index(stream, i, n - i)
        at_j = moved.get(j, j)
        moved[j] = moved.get(i, i)
        yield at_j


def main():
    t = json.load(sys.stdin)
    c = t["commitment"]
    p = c["parameters"]
    targets = t["rosters"]["targets"]
    inspectors = t["rosters"]["inspectors"]
    th = roster_hash(targets, ["flags"])
    ih = roster_hash(inspectors, ["qualifications", "conflicts"])
    seed = hashlib.sha256(
        lp(c["version"].encode()) + lp(bytes.fromhex(th)) + lp(bytes.fromhex(ih))
        + lp(jcs(p).encode("utf-8")) + lp(t["randomValue"]["value"].encode("utf-8"))
    ).digest()

    def stream(label):
        return hashlib.sha256(seed + lp(label.encode("utf-8"))).digest()

    f = p["targetFilter"]
    strata = {}
    for t_ in targets:
        if f["districts"] and t_["district"] not in f["districts"]:
            continue
        if f["industries"] and not any(t_["industry"].startswith(x) for x in f["industries"]):
            continue
        bp = max([p["ratioBp"][t_["creditClass"]]] + [p["flagRatioBp"][x] for x in t_["flags"]])
        strata.setdefault((t_["creditClass"], bp), []).append(t_)

    departments = [p["department"]] + p["jointDepartments"]
    withdrawals = {(w["targetId"], w["inspectorId"]): w["reason"] for w in t["withdrawals"]}

    def assign(target, dept):
        pool, recused = [], []
        for ins in inspectors:
            if ins["department"] != dept or not all(q in ins["qualifications"] for q in p["requiredQualifications"]):
                continue
            if p["matchInspectorDistrict"] and ins["district"] != target["district"]:
                continue
            (recused if target["id"] in ins["conflicts"] else pool).append(ins["id"])
        chosen, withdrawn = [], []
        for k in shuffle(len(pool), stream("inspector:%s:%s" % (dept, target["id"]))):
            if len(chosen) >= p["inspectorsPerTarget"]:
                break
            if (target["id"], pool[k]) in withdrawals:
                withdrawn.append({"inspectorId": pool[k], "reason": withdrawals[(target["id"], pool[k])]})
            else:
                chosen.append(pool[k])
        return {"department": dept, "inspectors": chosen, "recused": recused, "withdrawn": withdrawn,
                "shortfall": p["inspectorsPerTarget"] - len(chosen)}

    out_strata, selection = [], []
    for (cls, bp) in sorted(strata, key=lambda k: (CLASS_ORDER[k[0]], k[1])):
        members = strata[(cls, bp)]
        key = "%s:%d" % (cls, bp)
        k = (len(members) * bp + 9999) // 10000
        out_strata.append({"key": key, "creditClass": cls, "ratioBp": bp, "population": len(members), "sampleSize": k})
        for pick, pos in enumerate(shuffle(len(members), stream("target:" + key))):
            if pick >= k:
                break
            target = members[pos]
            selection.append({"targetId": target["id"], "stratum": key, "pick": pick,
                              "assignments": [assign(target, d) for d in departments]})

    print(json.dumps({"targetRoster": th, "inspectorRoster": ih, "seed": seed.hex(),
                      "strata": out_strata, "selection": selection}, ensure_ascii=False))


if __name__ == "__main__":
    main()
