/**
 * A portal page as Chinese news sites build them, written for the importer's metadata check: a
 * four-paragraph story beside a longer "更多新闻" list of other stories' teasers, which is the
 * block with the most prose (Readability picks it, as it does on the real portal pages it was
 * modelled on). What the page says about itself is up to each test.
 */
export const STORY = [
  '市交通运输局今天上午通报，城东快速路高架段将于下月一日起分段封闭施工，预计工期三个月，其间过境车辆需绕行环城北路。',
  '据介绍，此次施工主要更换桥面伸缩缝和排水设施，施工时段安排在夜间二十二时至次日五时，白天恢复通行。',
  '交警部门将在沿线设置二十处临时指示牌，并在早晚高峰增派警力疏导，提醒市民提前规划出行路线。',
  '市民如有疑问，可拨打交通服务热线咨询，施工进度也将通过市交通运输局官方网站每周公布。',
];

const teasers = Array.from(
  { length: 16 },
  (_, i) =>
    `<div class="item"><h3><a href="/news/${i}.html">相关新闻第${i + 1}条：本市多个街道开展便民服务活动</a></h3><p>第${i + 1}条新闻摘要：活动现场设置了咨询台和志愿服务点，吸引了不少居民参加，主办方表示今后将定期举办类似活动，进一步丰富社区居民的文化生活。</p></div>`,
).join('');

export function portalPage({ head = '', story = STORY } = {}): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城东快速路高架段下月起分段封闭施工_城市_示例网</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/city/">城市</a><a href="/finance/">财经</a></div>
<div class="wrap"><div class="l"><h1>城东快速路高架段下月起分段封闭施工</h1><div class="info">2024-05-01 08:30 来源：示例网</div>
<div class="zw">${story.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="r"><h2>更多新闻</h2><div class="list">${teasers}</div></div>
<div class="footer">示例网版权所有 京ICP备00000000号</div></body></html>`;
}
