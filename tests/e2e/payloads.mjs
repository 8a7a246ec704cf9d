// The payload corpus of the security tests (security.test.mjs), as data: markup and script
// payloads that must reach the page only as text, the documents that carry them into the places
// where the core's results are shown (entity names, speaker cards, meeting cards, agenda,
// outline, details popover, links), a forged document for the page's own rendering, and CSV
// cells for formula injection. Every payload that would run sets window.__pwned (or opens a
// dialog), so a test needs only look at that flag, the dialogs and the CSP reports.

/** One-line payloads: markup, script URLs, attribute breakouts, entities, templates, styles. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<script src="data:text/javascript,window.__pwned=1"></script>',
  '<img src=x onerror="window.__pwned=1">',
  '<img src=x onerror=window.__pwned=1;alert(1)>',
  '<svg onload="window.__pwned=1"></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<svg><animate onbegin="window.__pwned=1" attributeName=x dur=1s>',
  '<math><mtext></p><img src=x onerror="window.__pwned=1"></mtext></math>',
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1//',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '<a href="data:text/html,<script>window.__pwned=1</script>">data link</a>',
  '</textarea><script>window.__pwned=1</script>',
  '</title></style></noscript><script>window.__pwned=1</script>',
  '" onmouseover="window.__pwned=1',
  '\' onfocus=\'window.__pwned=1\' autofocus=\'',
  '"><img src=x onerror=window.__pwned=1>',
  '`onmouseover=window.__pwned=1 x=`',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp;lt; &#60;b&#62; &#x3C;i&#x3E;',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
  '<template><img src=x onerror="window.__pwned=1"></template>',
  '<style>body{display:none}</style><style>@import "http://127.0.0.1:9/x.css";</style>',
  '<link rel=stylesheet href="http://127.0.0.1:9/x.css"><link rel=import href="http://127.0.0.1:9/">',
  '<div style="background:url(http://127.0.0.1:9/x.png)">styled</div>',
  '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  '<body onload="window.__pwned=1"><input autofocus onfocus="window.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="http://127.0.0.1:9/"><form action="javascript:window.__pwned=1"><button>go</button></form>',
  '<!--<script>window.__pwned=1</script>--> <![CDATA[<script>window.__pwned=1</script>]]>',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1} <%= 7*7 %>',
  '<scr\u0000ipt>window.__pwned=1</scr\u0000ipt> \u202eevil\u202c \u200bzero\u200dwidth \ufeffbom',
  '<x onclick=alert(1) onpointerover=confirm(1)>x</x> <img src=x onerror=prompt(1)>',
];

/**
 * Documents in which payloads become part of what the core reads: speaker names, the
 * statement's meeting and topic, the meeting card's president and agenda, document symbols and
 * resolutions (which carry links), and names next to them. Checked (tests/e2e/security.test.mjs)
 * to reach the cards, outline or details, so that those views are really exercised.
 */
export const DOCUMENTS = {
  // A statement header: name, meeting and topic lines go to the statement card.
  statement: [
    'Statement by H.E. Ambassador Koro <img src=x onerror="window.__pwned=1"> Bessho',
    'Permanent Representative of Japan to the United Nations',
    'At the Security Council Open Debate <svg onload="window.__pwned=1">',
    'On Peace Operations "><script>window.__pwned=1</script>',
    '7 November 2016',
    'Mr. President,',
    'Japan co-sponsored resolution 2295 (2016)"><script>window.__pwned=1</script>, recalled S/2016/1"onmouseover="window.__pwned=1" and thanked MINUSMA.',
    'Mr. <img src=x onerror=window.__pwned=1> (Japan): <a href="javascript:window.__pwned=1">Japan</a> supports MINUSMA.',
    'Thank you.',
    '',
  ].join('\n'),
  // A verbatim record: the cover page (president, members, agenda) goes to the meeting card, the
  // speakers to the outline and to each statement's label.
  record: [
    'S/PV.8701',
    '',
    'United Nations',
    '',
    'Security Council',
    '',
    'Seventy-fifth year',
    '',
    '8701st meeting',
    '',
    'Monday, 13 January 2020, 10 a.m.',
    'New York',
    '',
    'President:',
    '',
    'Mr. Dang<img src=x onerror=window.__pwned=1> . . . . . . . . . . . . . . . . .',
    '',
    '(Viet Nam)',
    '',
    'Members:',
    '',
    'Belgium. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . ',
    'China"><script>window.__pwned=1</script> . . . . . . . . . . . . . . . . . . . ',
    '',
    'Mr. Pecsteen de Buytswerve',
    'Mr. Wu Haitao',
    '',
    'Agenda',
    'The situation in the Middle East <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    'Letter dated 14 October 2019 from the Secretary-General (S/2019/823"onmouseover="window.__pwned=1)',
    '',
    'The meeting was called to order at 10.20 a.m.',
    'The President: The Security Council will now begin its consideration of resolution 2505 (2020)"><img src=x onerror=window.__pwned=1>.',
    'Mr. Wu Haitao (China): China thanks the Secretary-General <svg onload=window.__pwned=1> and supports S/2020/27\'onfocus=\'window.__pwned=1.',
    'Mr. Pecsteen de Buytswerve (Belgium): Belgium </textarea><script>window.__pwned=1</script> welcomes UNIFIL.',
    'The President: The meeting rose at 10.25 a.m.',
    '',
  ].join('\n'),
  // Every one-line payload, each in a sentence with entities around it.
  lines: `${PAYLOADS.map((p, i) => `${i + 1}. Japan and France ${p} support MINUSMA under resolution 2295 (2016) ${p}`).join('\n')}\n`,
};

/** Strings the page must show verbatim in its cards once DOCUMENTS are read (proof of reach). */
export const REACH = {
  statement: ['<svg onload=', '<script>window.__pwned=1</script>'],
  record: ['<iframe srcdoc="<script>parent.__pwned=1</script>">', 'Dang<img src=x onerror=window'],
};

// A payload for every string field of the forged document below.
const P = (field) => `${field}"><img src=x onerror="window.__pwned=1">'<script>window.__pwned=1</script>`;

/**
 * The text and a forged analysis of it, as if the core had returned payloads in every string
 * field it fills (defence in depth: the page must render any document as text), with links
 * that are not https:// (which the page must not make into links) and one that is.
 */
export function forgedDocument() {
  const text = 'Statement by Mr. Evil of Japan.\nMr. President, Japan and France support S/2016/1 and MINUSMA.\nThe President: Thank you.\n';
  const at = (s, from = 0) => text.indexOf(s, from);
  const speaker = {
    name: P('name'), honorific: P('honorific'), role: P('role'), roles: [P('roles0'), P('roles1')],
    country: P('country'), country_code: P('code'),
  };
  const statement = (start, end) => ({
    start, end, speaker, body: P('body'), meeting: P('meeting'), topic: P('topic'), place: P('place'),
    date: P('date'), language: P('language'), notes: [P('note')],
    blocks: [{ kind: 'paragraph', start, end: end - 1, number: 1, sentences: [], soft_hyphens: [] }],
  });
  const link = [
    'javascript:window.__pwned=1', ' javascript:window.__pwned=1', 'JAVASCRIPT:window.__pwned=1',
    'data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)', '//127.0.0.1:9/x',
    'http://127.0.0.1:9/x',
  ];
  const entities = [];
  const ent = (kind, s, from, extra = {}) => {
    const start = at(s, from);
    entities.push({ kind, start, end: start + s.length, text: P(`text ${s}`), canonical: P(`canonical ${s}`), code: P('code'), expansion: P('expansion'), link: null, ...extra });
  };
  ent('person', 'Evil');
  ent('country', 'Japan');
  ent('country', 'Japan', at('Mr. President'));
  ent('country', 'France');
  ent('document', 'S/2016/1', 0, { link: 'https://undocs.org/S/2016/1"><script>window.__pwned=1</script>' });
  ent('mission', 'MINUSMA', 0, { link: link[0] });
  ent('role', 'President', at('The President'), { link: link[1] });
  ent('"><img src=x onerror=window.__pwned=1>', 'Thank', 0, { link: link[2] }); // an unknown kind
  const doc = {
    meeting: {
      symbol: P('symbol'), body: P('body'), number: P('number'), date: P('date'), time: P('time'), place: P('place'),
      president: speaker, members: [P('member')], agenda: [P('agenda0'), P('agenda1')],
    },
    statements: [statement(0, at('Mr. President')), statement(at('Mr. President'), at('The President')), statement(at('The President'), text.length)],
    blocks: [],
    entities,
  };
  return { text, doc, badLinks: link };
}

/** Cells for the CSV export: formula triggers, quotes, line breaks. */
export const CSV_CELLS = [
  '=1+2', '=HYPERLINK("http://127.0.0.1:9/","x")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)',
  '\t=1+2', '\r=1+2', '\n=1+2', 'say "hi", then \'bye\'', 'line\r\nbreak', 'plain', '', ' =not a formula',
  '=', '"=quoted"', '<script>window.__pwned=1</script>',
];
