import { describe, expect, it } from 'vitest';
import { keyTerms, relatedReading, type RelatedInput } from '../../src/lib/render/related.ts';

const p = (text: string) => `<p>${text}</p>`;
const article = (id: string, text: string, extra: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  section: '社会',
  tags: [],
  terms: keyTerms(p(text)),
  pinned: [],
  exclude: [],
  ...extra,
});

const TYPHOON = '台风登陆渔港，渔民撤离，防波堤被台风冲开缺口，海水倒灌渔港街道。';
const NEWSROOM = [
  article('typhoon', TYPHOON),
  article('levee', '渔港防波堤修补完工，台风季之前加高一米，挡住风暴潮和海水倒灌。'),
  article('market', '夜市重新开张，摊主卖凉粉和烤鱿鱼，老街又有了烟火气。'),
  article('chips', '芯片订单减少，晶圆厂良率提高，芯片工程师跳槽。', { section: '科技' }),
  article('phones', '手机涨价，存储芯片价格上涨，消费者延长换机周期。', { section: '科技', tags: ['芯片'] }),
  article('fab', '新晶圆厂投产，洁净室里的工程师。', { section: '科技', tags: ['芯片'] }),
];

describe('keyTerms', () => {
  it('counts the words an article is about, not 的, 一个 or 我们', () => {
    const terms = new Map(keyTerms(p('我们的台风预报，一个台风。台风过后，重建。')));
    expect(terms.get('台风')).toBe(3);
    expect(terms.get('重建')).toBe(1);
    expect([...terms.keys()]).not.toEqual(expect.arrayContaining(['我们']));
    expect([...terms.keys()].some((w) => w === '一个' || w === '的')).toBe(false);
  });

  it('reads text, not markup', () => {
    expect(keyTerms('<a href="https://example.com/typhoon">台风</a>').map(([w]) => w)).toEqual(['台风']);
  });
});

describe('relatedReading', () => {
  it('offers the articles sharing words first, never the article itself, and nothing that shares nothing', () => {
    const lists = relatedReading(NEWSROOM);
    expect(lists.get('typhoon')?.[0]).toBe('levee');
    expect(lists.get('levee')?.[0]).toBe('typhoon');
    for (const [id, list] of lists) expect(list).not.toContain(id);
    expect(lists.get('typhoon')).not.toContain('chips');
  });

  it('ranks shared tags above shared words, and puts pinned articles first in the order given', () => {
    const lists = relatedReading(NEWSROOM.map((a) => (a.id === 'typhoon' ? { ...a, pinned: ['market', 'fab'] } : a)));
    expect(lists.get('typhoon')?.slice(0, 3)).toEqual(['market', 'fab', 'levee']);
    // phones and fab share the 芯片 tag; chips only shares words with them.
    expect(lists.get('fab')?.[0]).toBe('phones');
  });

  it('leaves out what the page lists already (the parts of its series) and stops at four', () => {
    const many = [...NEWSROOM, ...[1, 2, 3, 4, 5].map((n) => article(`storm-${n}`, `${TYPHOON}第${n}天。`))];
    const lists = relatedReading(many.map((a) => (a.id === 'typhoon' ? { ...a, exclude: ['storm-1', 'storm-2'] } : a)));
    expect(lists.get('typhoon')).toHaveLength(4);
    expect(lists.get('typhoon')).not.toEqual(expect.arrayContaining(['storm-1']));
    expect(lists.get('typhoon')).not.toContain('storm-2');
    // Even when the editor pins one: the series' list at the page's end shows it already.
    const pinned = relatedReading(many.map((a) => (a.id === 'typhoon' ? { ...a, exclude: ['storm-1'], pinned: ['storm-1', 'storm-3'] } : a)));
    expect(pinned.get('typhoon')?.[0]).toBe('storm-3');
    expect(pinned.get('typhoon')).not.toContain('storm-1');
  });

  it('chooses the same lists whatever order the articles come in', () => {
    const reversed = relatedReading([...NEWSROOM].reverse());
    const shuffled = relatedReading([NEWSROOM[3], NEWSROOM[0], NEWSROOM[5], NEWSROOM[1], NEWSROOM[4], NEWSROOM[2]].flatMap((a) => (a ? [a] : [])));
    expect(Object.fromEntries(reversed)).toEqual(Object.fromEntries(relatedReading(NEWSROOM)));
    expect(Object.fromEntries(shuffled)).toEqual(Object.fromEntries(relatedReading(NEWSROOM)));
  });
});
