/**
 * Name pools for synthetic participants. England and Wales services work with people of every
 * background, and names in many scripts are exactly what breaks fonts, sorting and search, so
 * demo data must include them. Each pool is written the way the person would write their own
 * name (in NFC). Weights roughly favour English and Welsh names, as a real caseload would.
 */
export interface NamePool {
  /** Shown in Person.language; undefined means English (the default, not recorded). */
  language?: string;
  /** Share of people from this pool who would want an interpreter. */
  interpreterRate: number;
  weight: number;
  given: readonly string[];
  family: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    weight: 30,
    interpreterRate: 0,
    given: ['Oliver', 'Amelia', 'Jack', 'Olivia', 'Harry', 'Isla', 'George', 'Emily', 'Charlie', 'Sophie', 'Thomas', 'Chloe', 'Daniel', 'Jessica', 'Liam', 'Zoë', 'Chloë', 'Ryan', 'Megan', 'Kieran', "D'Arcy", 'Mary-Jane'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', "O'Connor", 'Bell-Hughes', 'McAllister', 'St. John'],
  },
  {
    weight: 8,
    language: 'Welsh',
    interpreterRate: 0.05,
    given: ['Siân', 'Gruffudd', 'Rhiannon', 'Dafydd', 'Eleri', 'Iwan', 'Catrin', 'Llŷr', 'Angharad', 'Gwenllïan', 'Emrys', 'Nia', 'Ffion', 'Rhodri'],
    family: ['Gruffudd', 'ap Dafydd', 'Llewelyn', 'Pritchard', 'Price', 'Bowen', 'Vaughan', 'Parry', 'Jenkins', 'Rhys', 'ab Owain'],
  },
  {
    weight: 5,
    language: 'Polish',
    interpreterRate: 0.3,
    given: ['Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Krzysztof', 'Żaneta', 'Wojciech', 'Zofia', 'Michał', 'Katarzyna'],
    family: ['Nowak', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Dąbrowska', 'Zieliński', 'Szymańska', 'Łukaszewicz', 'Kamińska'],
  },
  {
    weight: 3,
    language: 'Turkish',
    interpreterRate: 0.3,
    given: ['Şükrü', 'Ayşe', 'Mehmet', 'Gülşen', 'Özgür', 'İbrahim', 'Çiğdem', 'Emre', 'Elif'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Doğan'],
  },
  {
    weight: 3,
    language: 'Vietnamese',
    interpreterRate: 0.4,
    given: ['Thị Lan', 'Văn Hùng', 'Minh Anh', 'Đức', 'Thu Hương', 'Quốc Bảo', 'Ngọc'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng'],
  },
  {
    weight: 2,
    language: 'Greek',
    interpreterRate: 0.3,
    given: ['Αλέξανδρος', 'Ελένη', 'Γιώργος', 'Μαρία', 'Δημήτρης', 'Σοφία', 'Νίκος'],
    family: ['Παπαδόπουλος', 'Γεωργίου', 'Οικονόμου', 'Νικολάου', 'Κωνσταντίνου', 'Ιωάννου'],
  },
  {
    weight: 3,
    language: 'Russian',
    interpreterRate: 0.4,
    given: ['Алексей', 'Наталья', 'Дмитрий', 'Ольга', 'Сергей', 'Юлия', 'Андрій', 'Оксана'],
    family: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Шевченко', 'Коваленко', 'Соколов'],
  },
  {
    weight: 3,
    language: 'Arabic',
    interpreterRate: 0.45,
    given: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'يوسف', 'ليلى', 'عمر', 'نور'],
    family: ['الحسن', 'العلي', 'حداد', 'منصور', 'خليل', 'عبد الله'],
  },
  {
    weight: 3,
    language: 'Mandarin',
    interpreterRate: 0.45,
    given: ['伟', '秀英', '明', '丽娟', '小龙', '静', '建华'],
    family: ['王', '李', '张', '刘', '陈', '欧阳'],
  },
  {
    weight: 4,
    language: 'Punjabi',
    interpreterRate: 0.25,
    given: ['ਹਰਪ੍ਰੀਤ', 'ਗੁਰਪ੍ਰੀਤ', 'ਮਨਜੀਤ', 'ਜਸਵਿੰਦਰ', 'Harpreet', 'Gurdeep', 'Simran', 'Jaswinder'],
    family: ['ਸਿੰਘ', 'ਕੌਰ', 'ਸੰਧੂ', 'Singh', 'Kaur', 'Sandhu', 'Gill', 'Dhillon'],
  },
  {
    weight: 4,
    language: 'Urdu',
    interpreterRate: 0.25,
    given: ['عمران', 'عائشہ', 'بلال', 'ثنا', 'Imran', 'Ayesha', 'Bilal', 'Sana', 'Zainab'],
    family: ['خان', 'حسین', 'قریشی', 'Khan', 'Hussain', 'Qureshi', 'Akhtar', 'Iqbal'],
  },
  {
    weight: 3,
    language: 'Romanian',
    interpreterRate: 0.35,
    given: ['Ștefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Alexandra', 'Ionuț'],
    family: ['Popescu', 'Ionescu', 'Dumitrescu', 'Stănescu', 'Constantinescu', 'Țurcanu'],
  },
  {
    weight: 3,
    language: 'Somali',
    interpreterRate: 0.35,
    given: ['Abdirahman', 'Hodan', 'Mohamed', 'Faadumo', 'Cabdi', 'Ayaan', 'Xasan'],
    family: ['Warsame', 'Abdullahi', 'Farah', 'Cali', 'Jaamac', 'Ismaaciil'],
  },
  {
    weight: 2,
    language: 'Portuguese',
    interpreterRate: 0.3,
    given: ['João', 'Inês', 'Gonçalo', 'Conceição', 'Tiago', 'Luíza'],
    family: ['Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Conceição'],
  },
  {
    weight: 2,
    language: 'Bengali',
    interpreterRate: 0.3,
    given: ['রহিম', 'সুমাইয়া', 'Rahim', 'Sumaiya', 'Shahid', 'Nasrin'],
    family: ['আহমেদ', 'চৌধুরী', 'Ahmed', 'Chowdhury', 'Uddin', 'Begum'],
  },
  {
    weight: 2,
    language: 'Irish',
    interpreterRate: 0,
    given: ['Siobhán', 'Seán', 'Aoife', 'Pádraig', 'Niamh', 'Eoghan', 'Caoimhe'],
    family: ['Ó Súilleabháin', 'Ní Bhriain', 'Mac Carthaigh', 'Ó Néill', 'Brennan', 'Gallagher'],
  },
];

/** Staff names for facilitators and referrers (the service's own people; English here). */
export const FACILITATORS = [
  'Priya Sharma',
  'Gareth Morgan',
  'Helen Okafor',
  'Tomasz Zieliński',
  'Bethan Hughes',
  'Marcus Reid',
  'Anna Kowalska',
  'Deborah Lewis',
  'Yusuf Patel',
  'Ceri Thomas',
] as const;

export const REFERRERS = ['PC Sarah Hill', 'DC Mark Evans', 'Joanne Clarke', 'Rob Atkinson', 'Nadia Rahman', 'Kelly Brown', 'Owain Rees', 'Sue Marshall'] as const;
