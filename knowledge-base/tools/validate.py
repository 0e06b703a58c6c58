#!/usr/bin/env python3
"""Validate knowledge-base/: YAML parses, entry shape, unique ids, follow-ups resolve,
>= 5 alternates per language, placeholders known, eval set apart from alternates.
Usage: python3 knowledge-base/tools/validate.py [--counts]   (exit code 1 on any error)"""
import re, sys, pathlib, unicodedata
import yaml

KB = pathlib.Path(__file__).resolve().parent.parent
CATEGORIES = ['claims', 'product', 'application', 'policy_service', 'renewal_payment',
              'complaint_process', 'member_benefits', 'value_added', 'privacy', 'channels']
STATUSES = {'draft', 'review', 'approved', 'published', 'retired'}
PLACEHOLDERS = {'company.name', 'company.hotline', 'company.complaintHotline', 'company.serviceHours',
                'company.app', 'company.website', 'company.wechat', 'company.email',
                'company.complaintEmail', 'company.address'}
KEYS = ['id', 'category', 'status', 'owner', 'version', 'effective_from', 'effective_to',
        'last_change', 'tags', 'zh-Hans', 'en', 'follow_ups']
errors = []

def err(msg): errors.append(msg)

# Minimal Traditional->Simplified folding so a zh-Hant eval line cannot hide a copied alternate.
T2S = str.maketrans('險賠單據說這們個會時間與為號碼錢續費國學問關內資訊後務麼麽裡裏處報讓請須條約證辦應該醫療診斷發票體檢職業嗎還聯絡網線話運營點幾張開實際過錯誤帳戶覆複',
                    '险赔单据说这们个会时间与为号码钱续费国学问关内资讯后务么么里里处报让请须条约证办应该医疗诊断发票体检职业吗还联络网线话运营点几张开实际过错误帐户复复')
def norm(text):
    text = unicodedata.normalize('NFKC', str(text)).lower().translate(T2S)
    return re.sub(r'[\s\W_]+', '', text)

def check_lang(entry_id, lang, block):
    if not isinstance(block, dict): return err(f'{entry_id}: {lang} missing')
    for k in ('question', 'alternates', 'answer'):
        if not block.get(k): err(f'{entry_id}: {lang}.{k} missing')
    alts = block.get('alternates') or []
    if len(alts) < 5: err(f'{entry_id}: {lang} has {len(alts)} alternates (< 5)')
    if len({norm(a) for a in alts}) != len(alts): err(f'{entry_id}: {lang} duplicate alternates')
    for name in re.findall(r'\{([^{}]+)\}', str(block.get('answer', ''))):
        if name not in PLACEHOLDERS: err(f'{entry_id}: {lang} unknown placeholder {{{name}}}')

def load_entries():
    entries = []
    for cat in CATEGORIES:
        path = KB / 'faq' / f'{cat}.yaml'
        if not path.exists(): err(f'missing {path}'); continue
        try: data = yaml.safe_load(path.read_text(encoding='utf-8'))
        except yaml.YAMLError as e: err(f'{path}: {e}'); continue
        for e in data or []:
            missing = [k for k in KEYS if k not in e]
            if missing: err(f'{path.name}: {e.get("id")} missing keys {missing}')
            if e.get('category') != cat: err(f'{e.get("id")}: category {e.get("category")} in {cat}.yaml')
            if not str(e.get('id', '')).startswith(cat.replace('_', '-') + '-'): err(f'{e.get("id")}: id not prefixed by category')
            if not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', str(e.get('id', ''))): err(f'{e.get("id")}: id not kebab-case')
            if e.get('status') not in STATUSES: err(f'{e.get("id")}: bad status')
            lc = e.get('last_change') or {}
            if not lc.get('by') or not lc.get('at'): err(f'{e.get("id")}: last_change needs by and at')
            for lang in ('zh-Hans', 'en'): check_lang(e.get('id'), lang, e.get(lang))
            if 'zh-Hant' in e: check_lang(e.get('id'), 'zh-Hant', e['zh-Hant'])
            entries.append(e)
    return entries

def main():
    entries = load_entries()
    ids = [e['id'] for e in entries]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes: err(f'duplicate ids: {sorted(dupes)}')
    by_id = {e['id']: e for e in entries}
    for e in entries:
        for f in e.get('follow_ups') or []:
            if f not in by_id: err(f'{e["id"]}: follow-up {f} does not exist')
            elif by_id[f].get('status') == 'retired': err(f'{e["id"]}: follow-up {f} is retired')
            if f == e['id']: err(f'{e["id"]}: follows up itself')
    phrases = {}
    for e in entries:
        for lang in ('zh-Hans', 'en', 'zh-Hant'):
            b = e.get(lang) or {}
            for p in [b.get('question', '')] + list(b.get('alternates') or []):
                if not norm(p): continue
                owner = phrases.setdefault(norm(p), e['id'])
                if owner != e['id']: err(f'{e["id"]}: phrase "{p}" also belongs to {owner}')
    ev = yaml.safe_load((KB / 'eval' / 'questions.yaml').read_text(encoding='utf-8')) or []
    seen = set(); per = {}
    for row in ev:
        t, lang, exp = row.get('text'), row.get('lang'), row.get('expect')
        if exp not in by_id: err(f'eval: expect {exp} does not exist ({t})')
        if lang not in ('zh-Hans', 'zh-Hant', 'en'): err(f'eval: bad lang {lang} ({t})')
        n = norm(t)
        if n in phrases: err(f'eval line duplicates a question/alternate of {phrases[n]}: {t}')
        if n in seen: err(f'eval: duplicate line {t}')
        seen.add(n); per[(exp, lang)] = per.get((exp, lang), 0) + 1
    for i in ids:
        for lang in ('zh-Hans', 'zh-Hant', 'en'):
            if per.get((i, lang), 0) < 2: err(f'eval: {i} has {per.get((i, lang), 0)} {lang} paraphrases (< 2)')
    mna = yaml.safe_load((KB / 'eval' / 'must-not-answer.yaml').read_text(encoding='utf-8')) or []
    for row in mna:
        if row.get('expect', 'x') is not None: err(f'must-not-answer: expect must be null ({row.get("text")})')
        n = norm(row.get('text', ''))
        if n in phrases: err(f'must-not-answer duplicates a phrase of {phrases[n]}: {row.get("text")}')
        if n in seen: err(f'must-not-answer duplicates an eval line: {row.get("text")}')
        seen.add(n)
    if len(mna) < 120: err(f'must-not-answer has {len(mna)} questions (< 120)')
    if len(entries) < 150: err(f'only {len(entries)} entries (< 150)')
    if '--counts' in sys.argv:
        print('| category | entries |\n|---|---|')
        for c in CATEGORIES: print(f'| {c} | {sum(1 for e in entries if e["category"] == c)} |')
        print(f'| **total** | **{len(entries)}** |\n')
        langs = {l: sum(1 for r in ev if r.get('lang') == l) for l in ('zh-Hans', 'zh-Hant', 'en')}
        print(f'Evaluation set: {len(ev)} paraphrases ({", ".join(f"{k} {v}" for k, v in langs.items())}); '
              f'must-not-answer: {len(mna)} questions.')
    for m in errors: print('ERROR', m, file=sys.stderr)
    if errors: sys.exit(1)
    if '--counts' not in sys.argv: print(f'OK: {len(entries)} entries, {len(ev)} eval lines, {len(mna)} must-not-answer')

if __name__ == '__main__':
    main()
