/**
 * Whether a paragraph can open an article's teaser. Imported news often
 * opens on lines that are not the story: a byline ("记者 李明", "文/张三"), a
 * dateline with its source ("2019年9月26日 15:10 来源：天天基金网"), a
 * picture's caption left as text ("图为…", "…（新华社记者 某某 摄）"), or a
 * bold sub-heading. A listing that showed those would say nothing.
 */
const NAME = '[\\p{Script=Han}A-Za-z·・]{2,6}';
// A credit, then names only: "记者 李明 王五", "文/张三", "来源：新华社", "本报记者 王五 报道".
const BYLINE = new RegExp(
  `^(?:(?:本报记者|本報記者|记者|記者|通讯员|通訊員|作者|撰文|编辑|編輯|责任编辑|責任編輯)\\s*[:：/|｜]?\\s*|(?:文|来源|來源)\\s*[:：/|｜]\\s*)${NAME}(?:[\\s、，,]+${NAME}){0,3}$`,
  'u',
);
const DATELINE = /^\d{4}(?:年|[-/.])\d{1,2}(?:月|[-/.])\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:来源|來源)[:：]?\s*\S+)?$/u;
const CAPTION = /^(?:图为|圖為|图注|圖註|图片来源|圖片來源|▲|△)|(?:[/／]\s*|(?:记者|記者|通讯员|通訊員|摄影|攝影)[^。！？]{0,24}?\s)(?:摄|攝)[）)]?$/u;

export function isLeadLine(text: string, wholeBold: boolean): boolean {
  const line = text.trim();
  if (!line || wholeBold) return false;
  const short = [...line].length <= 40;
  return !(short && (BYLINE.test(line) || DATELINE.test(line))) && !CAPTION.test(line);
}
