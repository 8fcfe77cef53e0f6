// Hand-made short forms of offices, pressure groups and issue ends, for where the
// full text does not fit: a minister card, a gauge, a preview's list, the terminal's narrow
// columns. Display only: the scenario data keeps the full text, which tooltips and dialogs show.
// Each form is one a reader of the period would recognise, so nothing a player reads is cut.

/**
 * Hand-made short forms of offices, for a minister card when the view's abbreviation rules (ui/views/chartScale.ts) leave them too long:
 * the form a reader of the period would recognise ("Trade Commissar"), not a cut word. The full
 * office is in the card's tooltip and the minister's dialog.
 */
export const OFFICE_SHORT: Readonly<Record<string, string>> = {
  "Deputy People's Commissar for Foreign Affairs": 'Dep. Commissar',
  "Deputy People's Commissar for Heavy Industry": 'Dep. Commissar',
  "People's Commissar for Foreign Affairs": 'Foreign Affairs',
  "People's Commissar for Foreign and Internal Trade": 'Trade Commissar',
  "People's Commissar for Foreign Trade": 'Trade Commissar',
  "People's Commissar for Trade": 'Trade Commissar',
  "People's Commissar for Military and Naval Affairs": 'War Commissar',
  "Chairman of the Council of People's Commissars": 'Sovnarkom',
  'Chairman of the Central Executive Committee': 'Head of state',
  'President of the Central Executive Committee': 'Head of state',
  'General Secretary of the Party': 'Gen. Secretary',
  'Secretary of the Central Committee': 'CC Secretary',
  'Secretary of the Comintern Executive': 'Comintern',
  'Member of the Politburo, head of the Comintern': 'Comintern',
  'Member of the Politburo (trade unions)': 'Politburo',
  'Head of the Soviet trade unions': 'Trade unions',
  'Head of the Soviet Mission in London': 'Head of Mission',
  'Former head of the Soviet Mission in London': 'Former envoy',
  'Former counsellor of the Soviet Mission in London': 'Former counsellor',
  'Former head of the Trade Delegation in London': 'Ex-Trade Delegate',
  'Counsellor of the Soviet Mission in London': 'Counsellor',
  'Counsellor of the Embassy in London': 'Counsellor',
  'Soviet Ambassador in Paris (negotiator)': 'Amb. in Paris',
  'Soviet Ambassador in London': 'Ambassador',
  'Trade Representative in London': 'Trade Rep.',
  'Head of the Trade Delegation': 'Trade Delegation',
  'Leader of the United Opposition': 'Opposition',
  'Leader of the Liberal Party': 'Liberal leader',
  // Amery (1927-29) and Passfield (1929-30) held the two offices together.
  'Secretary of State for the Colonies and Secretary of State for Dominion Affairs': 'Col. & Dominions',
  'Secretary of State for Dominion Affairs': 'Dominions',
  'Secretary of State for the Colonies': 'Colonies',
  'Parliamentary Under-Secretary for Foreign Affairs': 'Under-Sec., FO',
  'Permanent Under-Secretary, Foreign Office': 'Perm. Under-Sec.',
  'Parliamentary Secretary, Department of Overseas Trade': 'Overseas Trade',
  'Financial Secretary to the Treasury': 'Treasury',
  'Chancellor of the Duchy of Lancaster': 'Duchy',
  'President of the Board of Education': 'Education',
  'Lord Privy Seal (employment)': 'Lord Privy Seal',
  'First Commissioner of Works': 'Works',
  'Conservative MP, campaigner against Soviet forced labour': 'Conservative MP',
  'Conservative back-bencher, voice of the die-hards': 'Back-bencher',
  'Secretary of the trade associations lobbying the Department of Overseas Trade': 'Trade lobby',
  'Spokesman of the creditors and of Lena Goldfields': 'Creditors',
};

/** Hand-made short forms of pressure groups, for the gauges and lists when the full name is too long. */
export const GROUP_SHORT: Readonly<Record<string, string>> = {
  'Conservative moderates and business members': 'Cons. moderates',
  'Conservative die-hards and back-benchers': 'Cons. die-hards',
  'Conservative protectionists and Empire free traders': 'Protectionists',
  'Conservative business members': 'Cons. business',
  'Party plenum and congress': 'Plenum & congress',
  'Central Committee and party militants': 'Party militants',
  'Engineering exporters, the FBI and the herring trade': 'Exporters',
  'Industrialists and the 85-firm delegation': 'Industrialists',
  'The City, creditors and Lena shareholders': 'The City',
  'The City and the creditors': 'The City',
  'Creditors, bondholders and concessionaires': 'Creditors',
  'The foreign-trade commissariat and trade organs': 'Trade organs',
  'Trade monopoly, State Bank and Trade Delegation': 'Trade monopoly',
  'Timber, grain and trading associations': 'Timber & grain',
  'Soviet trade organs and industry': 'Trade organs',
  'The famine-stricken countryside': 'Countryside',
  'TUC and the Labour movement': 'TUC & Labour',
  'Parliamentary Labour Party': 'Labour MPs',
  'The TUC and the trade unions': 'TUC & unions',
};

/** Hand-made short forms of the ends of a cabinet's issue axis, for the legend above the cards. */
export const ISSUE_END_SHORT: Readonly<Record<string, string>> = {
  'keep or restore relations': 'keep or restore',
  'break, or keep the break': 'break',
  'full assurances, or no relations': 'full assurances',
};
