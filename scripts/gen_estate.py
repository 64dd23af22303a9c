#!/usr/bin/env python3
"""Generates the sample estate (estate/sample.json), deterministically.

    scripts/gen_estate.py                        # the committed sample, a few hundred units
    scripts/gen_estate.py --units 5000 --out /tmp/estate-5000.json   # for startup benchmarks

The same seed always gives the same file. Units that tests and the QA corpus rely on are pinned below.
"""
import argparse
import json
import random

PERIODS = ["2026-08", "2026-09", "2026-10"]
RATE = 2.80
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
         "霞", "平", "刚", "桂英", "晓燕", "建华", "志强", "海燕", "丽娟", "文静", "子涵", "宇轩", "浩然", "欣怡",
         "俊杰", "雨桐", "梓萱", "国庆", "红梅", "建国", "玉兰", "春生", "晓东", "婷婷", "佳怡", "思远", "嘉豪"]
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                   "157", "158", "159", "166", "176", "177", "180", "181", "182", "186", "187", "188", "189", "199"]
AREAS = [78.6, 89.5, 96.2, 105.8, 120.3, 135.0, 143.6]
# Entrances (单元) per building in the sample, buildings 1-12.
ENTRANCES = {1: 2, 2: 3, 3: 2, 4: 2, 5: 3, 6: 2, 7: 2, 8: 3, 9: 3, 10: 3, 11: 3, 12: 2}
FLOORS = 18

# Units named by tests and by the QA corpus, with their pinned residents.
PINNED = {
    "3-2-501": [("张伟", "13812345678")],
    "12-1-1802": [("李娜", "13757120836")],
    "10-3-1402": [("王芳", "13968812345")],
    "5-3-801": [("陈晓燕", "18668006688"), ("陈建华", "15957112233")],
    "4-1-302": [("刘洋", "13605719876")],
    "1-1-101": [("赵敏", "13588001122")],
    "1-1-102": [("孙磊", "13706512345")],
    "1-1-201": [("周静", "15088776655")],
    "1-2-302": [("吴杰", "18969012345")],
    "2-1-1102": [("黄国庆", "13336547788")],
    "2-3-1202": [("郭丽娟", "18072345566")],
    "6-1-1502": [("林子涵", "15268123344")],
    "8-2-1801": [("何建国", "13867008899")],
    "8-3-602": [("高欣怡", "17757198765")],
    "9-2-1102": [("罗俊杰", "15167110234")],
    "11-3-1002": [("梁红梅", "13516889900")],
    "12-1-1401": [("谢思远", "18858112200")],
    "12-2-1601": [("宋玉兰", "13957155667")],
}


def money(x):
    return round(x + 1e-9, 2)


def make_unit(rng, uid, used_phones, pinned_residents=None):
    b, e, r = (int(p) for p in uid.split("-"))
    area = AREAS[(b * 3 + e + r % 100) % len(AREAS)]
    if uid == "3-2-501":
        area = 89.5
    if pinned_residents:
        residents = [{"name": n, "phone": p} for n, p in pinned_residents]
        for _, p in pinned_residents:
            used_phones.add(p)
    else:
        residents = []
        family = rng.choice(SURNAMES)
        for k in range(rng.choice([1, 1, 2, 2, 3])):
            surname = family if k == 0 or rng.random() < 0.4 else rng.choice(SURNAMES)
            while True:
                phone = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
                if phone not in used_phones:
                    break
            used_phones.add(phone)
            residents.append({"name": surname + rng.choice(GIVEN), "phone": phone})
    has_parking = rng.random() < 0.3
    bills = []
    for n, period in enumerate(PERIODS):
        latest = n == len(PERIODS) - 1
        unpaid_chance = 0.25 if latest else 0.05
        paid = rng.random() >= unpaid_chance
        bills.append({"period": period, "item": "property", "amount": money(area * RATE), "paid": paid})
        water = money(rng.uniform(18, 130))
        bills.append({"period": period, "item": "water", "amount": water, "paid": rng.random() >= unpaid_chance})
        if has_parking:
            bills.append({"period": period, "item": "parking", "amount": 300.0, "paid": paid})
    if uid == "3-2-501":
        for bill in bills:
            bill["paid"] = not (bill["period"] == "2026-10" and bill["item"] == "property")
    return {"id": uid, "area": area, "residents": residents, "bills": bills}


def unit_ids(units, rng):
    if units is None:
        ids = []
        for b, entrances in ENTRANCES.items():
            for e in range(1, entrances + 1):
                for floor in range(1, FLOORS + 1):
                    for room in (1, 2):
                        uid = f"{b}-{e}-{floor * 100 + room}"
                        if uid in PINNED or rng.random() < 0.28:
                            ids.append(uid)
        return ids
    ids = list(PINNED)
    b = 1
    while len(ids) < units:
        for e in range(1, 4):
            for floor in range(1, 31):
                for room in (1, 2, 3, 4):
                    uid = f"{b}-{e}-{floor * 100 + room}"
                    if uid not in PINNED and len(ids) < units:
                        ids.append(uid)
        b += 1
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, help="exactly this many units (default: the sample, a few hundred)")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--out", default="estate/sample.json")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    used_phones = set()
    ids = unit_ids(args.units, rng)
    ids.sort(key=lambda u: tuple(int(p) for p in u.split("-")))
    estate = {
        "version": 1,
        "name": "翠湖花园",
        "timezone": "Asia/Shanghai",
        "office": {"phone": "0571-88886666", "hours": "08:30-17:30", "emergency_phone": "0571-88886699",
                   "address": "翠湖花园1号楼东侧物业客服中心"},
        "rates": {"property_per_m2": RATE},
        "decoration": {"deposit": 3000.00, "working_hours": "08:00-12:00, 14:00-18:00",
                       "noisy_work_hours": "08:30-12:00, 14:30-17:30", "max_duration_days": 90, "max_workers": 10},
        "gas_company_phone": "96777",
        "units": [make_unit(rng, uid, used_phones, PINNED.get(uid)) for uid in ids],
    }
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("{\n")
        top = [k for k in estate if k != "units"]
        for k in top:
            f.write(f"  {json.dumps(k)}: {json.dumps(estate[k], ensure_ascii=False)},\n")
        f.write('  "units": [\n')
        lines = [json.dumps(u, ensure_ascii=False) for u in estate["units"]]
        f.write(",\n".join("    " + line for line in lines))
        f.write("\n  ]\n}\n")
    print(f"{args.out}: {len(ids)} units")


if __name__ == "__main__":
    main()
