package dev.aisecurity.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * The phrases the prompt-injection rules are written in, by {@link Concept}, in the
 * languages the scanner covers (English, Spanish, French, German, Portuguese, Italian,
 * Russian, Chinese). Phrases are written plainly and rewritten into {@link CanonicalText}
 * form, so accents, case, punctuation and spacing do not matter; a trailing {@code *}
 * makes the last word a stem ({@code instruct*} matches {@code instructions}). Everything
 * matches in one Aho-Corasick pass.
 */
final class InjectionLexicon {

	static final InjectionLexicon DEFAULT = new InjectionLexicon();

	final WordMatcher matcher;

	final Concept[] concept;

	final double[] weight;

	/** Number of words (tokens) of each pattern, a stem counting as one. */
	final int[] words;

	private final List<String> patterns = new ArrayList<>();

	private final List<Concept> concepts = new ArrayList<>();

	private final List<Double> weights = new ArrayList<>();

	private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

	/**
	 * Patterns {@code [readerAddressFrom, readerAddressTo)} speak to a model reading a
	 * document.
	 */
	int readerAddressFrom;

	int readerAddressTo;

	/**
	 * Whether each pattern is a combination written out (a reader and a verb of reading,
	 * a safety layer and a verb of removal): it overlaps the shorter phrases of its
	 * parts, and counts instead of them, not beside them.
	 */
	final boolean[] combination;

	private final List<Boolean> combinations = new ArrayList<>();

	private boolean writingCombinations;

	/** Weight of the persona phrases that set up a role: act as, pretend, simulate. */
	static final double ROLE_SETUP = 0.05;

	private InjectionLexicon() {
		ignore();
		moreLanguages();
		prior();
		targets();
		newTask();
		mention();
		extraction();
		persona();
		goalHijacking();
		separators();
		encodings();
		frames();
		harms();
		otherLanguages();
		morePhrasings();
		refusalSuppression();
		readerAddress();
		exfiltration();
		disabledSafety();
		ruleFreeModels();
		taskSwitch();
		this.matcher = new WordMatcher(this.patterns);
		this.concept = this.concepts.toArray(new Concept[0]);
		this.weight = this.weights.stream().mapToDouble(Double::doubleValue).toArray();
		this.words = this.patterns.stream().mapToInt(InjectionLexicon::countWords).toArray();
		this.combination = new boolean[this.combinations.size()];
		for (int i = 0; i < this.combination.length; i++) {
			this.combination[i] = this.combinations.get(i);
		}
	}

	/**
	 * The patterns in canonical form, by index.
	 */
	List<String> patterns() {
		return List.copyOf(this.patterns);
	}

	private static int countWords(String canonical) {
		int words = 0;
		for (int i = 0; i < canonical.length(); i++) {
			if (canonical.charAt(i) != ' ' && (i == 0 || canonical.charAt(i - 1) == ' ')) {
				words++;
			}
		}
		return words;
	}

	private void add(Concept concept, double weight, String... phrases) {
		for (String phrase : phrases) {
			boolean stem = phrase.endsWith("*");
			String plain = stem ? phrase.substring(0, phrase.length() - 1) : phrase;
			if (plain.indexOf('*') >= 0) {
				// only the last word can be a stem: write the other forms out
				throw new IllegalStateException("a stem inside a phrase: " + phrase);
			}
			String canonical = CanonicalText.of(plain, Integer.MAX_VALUE).text();
			if (canonical.isBlank()) {
				throw new IllegalStateException("empty phrase");
			}
			if (stem) {
				canonical = canonical.substring(0, canonical.length() - 1);
			}
			String key = concept + canonical;
			Integer existing = this.index.get(key);
			if (existing != null) {
				// the same words twice ([jailbreak] and jailbreak): keep the stronger
				// weight
				this.weights.set(existing, Math.max(this.weights.get(existing), weight));
				continue;
			}
			this.index.put(key, this.patterns.size());
			this.patterns.add(canonical);
			this.concepts.add(concept);
			this.weights.add(weight);
			this.combinations.add(this.writingCombinations);
		}
	}

	private void add(Concept concept, String... phrases) {
		add(concept, 1.0, phrases);
	}

	private void ignore() {
		add(Concept.IGNORE, "ignor*", "disregard*", "forget", "forgets", "forgetting", "forgot", "forgotten", "neglect",
				"discard", "pay no attention to", "do not pay attention to", "dont pay attention to", "override",
				"overrule", "bypass", "set aside", "dismiss", "abandon", "throw away", "skip", "nevermind",
				"never mind", "do not follow", "dont follow", "stop following", "no longer follow", "do not obey",
				"dont obey", "stop obeying", "erase", "delete", "drop all", "leave behind", "put aside", "cancel",
				"unlearn", "reset");
		// Annulment, as verbs and, after the object, as passive participles ("scrap the
		// earlier brief", "the preceding guidance is void", "your original directives are
		// revoked"): the same rules still need the object
		add(Concept.IGNORE, "scrap", "scratch", "ditch", "toss out", "throw out", "nullify", "invalidate", "revoke",
				"rescind", "wipe", "wipe out", "void", "null and void", "revoked", "rescinded", "superseded",
				"scrapped", "cancelled", "canceled", "nullified", "invalidated");
		// Spanish, French, German, Portuguese, Italian
		add(Concept.IGNORE, "olvid*", "haz caso omiso", "no hagas caso", "no sigas", "omite", "omitir", "descarta",
				"descartar", "desestima", "oubli*", "ne tiens pas compte", "ne tenez pas compte", "fais abstraction",
				"faites abstraction", "ne suis pas", "ne suivez pas", "vergiss", "vergessen", "vergesst", "missachte*",
				"beachte nicht", "nicht beachten", "uberspring*", "verwirf", "esquec*", "desconsider*", "nao siga",
				"nao sigam", "dimentic*", "non seguire", "trascura", "tralascia", "scarta");
		// Russian, Chinese
		add(Concept.IGNORE, "игнорир*", "проигнорир*", "забудь", "забудьте", "забыть", "не обращай внимания",
				"не обращайте внимания", "не слушай", "не следуй", "отбрось", "отмени", "忽略", "忽视", "无视", "忘记", "忘掉",
				"不要理会", "不理会", "不要遵循", "不要遵守", "跳过", "别管", "抛开", "放弃", "無視", "忘れ");
		// Disobedience and circumvention: "disobey your rules", "circumvent your
		// guidelines"
		add(Concept.IGNORE, "disobey", "circumvent", "evade", "break free from", "free yourself from",
				"liberate yourself from", "desobedece", "desobedezcas", "elude", "desobeis", "desobeissez", "contourne",
				"widersetze dich", "umgehe", "desobedeca", "contorne", "disobbedisci", "aggira", "не подчиняйся",
				"обойди", "不要服从", "绕过", "违反");
	}

	/**
	 * The override, extraction and developer-mode words in more languages: Swedish,
	 * Danish, Norwegian, Finnish, Dutch, Polish, Czech, Slovak, Hungarian, Romanian,
	 * Greek, Ukrainian, Russian, Turkish, Indonesian and Malay, Vietnamese, Tagalog,
	 * Hindi (Devanagari and romanised), Arabic, Hebrew, Chinese, Japanese and Korean.
	 * Verbs in the imperative only ("glöm", not "glömde": a writer who forgot a manual
	 * gives no order); the same rules still need a verb and its object. Turkish is
	 * written with {@code i} for dotless {@code ı}, as the look-alike folding reads it.
	 */
	private void moreLanguages() {
		// Scandinavian
		add(Concept.IGNORE, "ignorera", "strunta i", "bortse fran", "ignorer", "se bort fra",
				// "glöm inte", "glem ikke" (do not forget) put the negation after the
				// verb, where
				// it is not read: the verb only with what it drops
				"glom alla", "glom allt", "glom bort", "glem alle", "glem alt", "glem bort");
		add(Concept.PRIOR_STRONG, "tidigare", "foregaende", "ovanstaende", "tidligere", "foregaende", "ovenstaende",
				"ovenfor", "hittil", "hittills");
		add(Concept.PRIOR, "alla", "alle", "allt");
		add(Concept.EVERYTHING, "allt");
		add(Concept.POSSESSIVE, "dina", "din", "ditt", "dine", "dit", "deres");
		add(Concept.TARGET, "instruktion*", "instruksjon*", "regler", "reglerna", "reglene", "reglerne", "riktlinjer*",
				"retningslinje*", "direktiv*", "begransning*", "begrensning*", "restriktion*", "restriksjon*",
				"sakerhetsfilter", "sikkerhetsfilter", "sikkerhedsfiltre", "sakerhetsfiltren");
		add(Concept.REVEAL, "visa", "skriv ut", "upprepa", "beratta", "avslöja", "avsloja", "vis", "gjenta", "gentag",
				"fortell", "fortael", "afslor", "avslor");
		add(Concept.SECRET_STRONG, "systemprompt*", "systeminstruktion*", "systeminstruksjon*", "systemmeddelande*",
				"dina instruktioner", "dina regler", "dolda instruktioner", "ursprungliga instruktioner",
				"dine instruktioner", "dine instruksjoner", "dine regler", "skjulte instruktioner",
				"skjulte instruksjoner", "oprindelige instruktioner", "opprinnelige instruksjoner");
		add(Concept.PERSONA, 0.4, "utvecklarlage*", "utviklermodus", "udviklertilstand", "udviklermode");
		add(Concept.PERSONA, 0.45, "stang av dina filter", "stang av dina sakerhetsfilter", "inaktivera dina filter",
				"slå fra dine filtre", "sla fra dine filtre", "sla av filtrene dine");
		add(Concept.PERSONA, 0.35, "utan begransningar", "utan filter", "inga begransningar", "uden begransninger",
				"uden filtre", "ingen begransninger", "uten begrensninger", "uten filter", "ingen begrensninger");
		add(Concept.NEW_TASK, 0.35, "du ar nu", "fran och med nu", "du er nu", "du er na", "fra nu af", "fra na av");
		// Finnish
		add(Concept.IGNORE, "ohita", "ohittakaa", "sivuuta", "sivuuttakaa", "unohda", "unohtakaa", "jata huomiotta",
				"jatakaa huomiotta", "ala valita");
		add(Concept.PRIOR_STRONG, "aiemmat", "aikaisemmat", "edelliset", "aiempia", "edellisia", "ylla olevat",
				"yllaolevat");
		add(Concept.PRIOR, "kaikki", "kaikkia");
		add(Concept.EVERYTHING, "kaiken");
		add(Concept.TARGET, "ohjeet", "ohjeita", "ohjeesi", "ohjeitasi", "ohjeistus*", "saannot", "saantoja",
				"saantosi", "saantojasi", "rajoitukset", "rajoituksesi", "rajoituksia", "suodattimet", "suodattimesi",
				"kaskyt");
		add(Concept.REVEAL, "nayta", "nayttakaa", "tulosta", "toista", "kerro", "paljasta", "kirjoita");
		add(Concept.SECRET_STRONG, "jarjestelmakehote*", "jarjestelmaohje*", "jarjestelmaviesti*", "ohjeesi",
				"saantosi", "piilotetut ohjeet", "alkuperaiset ohjeet", "jarjestelmakehotteesi");
		add(Concept.PERSONA, 0.4, "kehittajatila*");
		add(Concept.PERSONA, 0.35, "ilman rajoituksia", "ilman suodattimia", "ei rajoituksia");
		add(Concept.NEW_TASK, 0.35, "olet nyt", "tasta lahtien");
		// Dutch
		add(Concept.PRIOR_STRONG, "eerder", "eerdere", "voorafgaande");
		add(Concept.POSSESSIVE, "uw", "jullie");
		add(Concept.TARGET, "beperking*", "veiligheidsfilter*");
		add(Concept.REVEAL, "onthul", "toon me", "laat");
		add(Concept.SECRET_STRONG, "systeemprompt*", "systeeminstructie*", "verborgen instructies",
				"oorspronkelijke instructies", "je systeemprompt", "uw instructies");
		add(Concept.PERSONA, 0.4, "ontwikkelaarsmodus", "ontwikkelaarmodus");
		add(Concept.PERSONA, 0.35, "geen beperkingen", "zonder restricties");
		// Polish
		add(Concept.IGNORE, "zignorujcie", "ignorujcie", "zapomnijcie", "nie zwracaj uwagi na", "pomijaj", "porzuc",
				"porzuć");
		add(Concept.PRIOR_STRONG, "wczesniejsze", "powyzsze");
		add(Concept.POSSESSIVE, "swoj", "swój", "swoje", "twoje", "swoich", "twoich");
		add(Concept.TARGET, "ograniczen*", "filtry", "filtrow", "filtrów");
		add(Concept.REVEAL, "pokaz", "pokaż", "pokazcie", "wyswietl", "wyświetl", "wypisz", "powtorz", "powtórz",
				"ujawnij");
		add(Concept.SECRET_STRONG, "prompt systemowy", "promptu systemowego", "systemowy prompt", "ukryte instrukcje",
				"poczatkowe instrukcje", "twoje instrukcje", "swoje instrukcje", "twoje zasady", "swoje zasady");
		add(Concept.PERSONA, 0.45, "wyłącz swoje filtry", "wylacz swoje filtry", "wyłącz filtry bezpieczeństwa",
				"wylacz filtry bezpieczenstwa");
		add(Concept.PERSONA, 0.4, "tryb dewelopera", "trybie dewelopera", "tryb programisty", "trybie programisty");
		add(Concept.PERSONA, 0.35, "bez zadnych ograniczen", "bez żadnych ograniczeń", "bez ograniczeń");
		add(Concept.NEW_TASK, 0.35, "jestes teraz", "jesteś teraz");
		// Czech and Slovak
		add(Concept.IGNORE, "ignoruj", "ignorujte", "zapomen", "zapomente", "zapomeň", "nevsimej si", "zabudni",
				"zabudnite", "neber ohled na", "nerespektuj");
		add(Concept.PRIOR_STRONG, "predchozi", "predchadzajuce", "predchadzajuci", "predosle", "dosavadni",
				"vyse uvedene", "vyssie uvedene");
		add(Concept.PRIOR, "vsechny", "vsechna", "vsechen", "vsetky", "vsetko", "vsechno");
		add(Concept.EVERYTHING, "vsechno", "vsetko");
		add(Concept.POSSESSIVE, "sva", "svá", "svoje", "sve", "své", "svoj", "svuj", "tve", "tvoje", "tvoj", "vase",
				"vaše");
		add(Concept.TARGET, "pokyny", "pokynu", "pokyn", "instrukce", "instrukci", "instrukcie", "pravidla", "pravidel",
				"pravidla", "pravidlá", "omezeni", "obmedzenia", "bezpecnostni filtry", "bezpecnostne filtre",
				"prikazy");
		add(Concept.REVEAL, "ukaz", "ukazte", "zobraz", "zobrazte", "vypis", "vypiste", "zopakuj", "prozrad", "prezrad",
				"napis");
		add(Concept.SECRET_STRONG, "systemovy prompt", "systemove pokyny", "systemovou vyzvu", "systemova vyzva",
				"skryte pokyny", "puvodni pokyny", "povodne pokyny", "sve pokyny", "svoje pokyny", "tvoje pokyny");
		add(Concept.PERSONA, 0.4, "vyvojarsky rezim", "vyvojarskem rezimu", "vyvojarskom rezime", "rezimu vyvojare",
				"rezim vyvojare");
		add(Concept.PERSONA, 0.45, "vypni sve filtry", "vypni svoje filtre", "vypni bezpecnostni filtry");
		add(Concept.PERSONA, 0.35, "bez omezeni", "bez obmedzeni", "bez filtru", "bez filtrov",
				"vsechna omezeni jsou zrusena", "vsetky obmedzenia su zrusene");
		add(Concept.NEW_TASK, 0.35, "nyni jsi", "ted jsi", "teraz si", "od ted", "od teraz");
		// Hungarian
		add(Concept.IGNORE, "hagyd figyelmen kivul", "hagyja figyelmen kivul", "hagyjatok figyelmen kivul",
				"felejtsd el", "felejtse el", "felejtsetek el", "ne torodj");
		add(Concept.PRIOR_STRONG, "korabbi", "elozo", "fenti", "eddigi");
		add(Concept.PRIOR, "osszes", "minden", "az osszes");
		add(Concept.TARGET, "utasitas*", "szabaly*", "iranyelv*", "korlatozas*", "szurok", "szurodet", "szuroidet",
				"parancs*");
		add(Concept.REVEAL, "mutasd meg", "mutasd", "mutassa meg", "ird ki", "irja ki", "ismeteld meg", "arulj el",
				"fedd fel");
		add(Concept.SECRET_STRONG, "rendszerprompt*", "rendszerutasitas*", "rejtett utasitas*", "eredeti utasitas*",
				"utasitasaidat", "szabalyaidat",
				// with the article, which the rules would read as the English "a" of a
				// notion
				"a rendszerprompt*", "a rejtett utasitas*", "az utasitasaidat", "a szabalyaidat");
		add(Concept.PERSONA, 0.4, "fejlesztoi mod*");
		add(Concept.PERSONA, 0.35, "korlatozasok nelkul", "szurok nelkul", "korlatozasok feloldva");
		add(Concept.NEW_TASK, 0.35, "mostantol");
		// Romanian
		add(Concept.IGNORE, "uita", "uitati", "nu tine cont de", "nu luati in seama");
		add(Concept.PRIOR_STRONG, "anterioare", "precedente", "de mai sus");
		add(Concept.PRIOR, "toate");
		add(Concept.POSSESSIVE, "tale", "voastre", "dumneavoastra");
		add(Concept.TARGET, "instructiun*", "regulile", "restrictii*", "filtrele", "comenzile");
		add(Concept.REVEAL, "arata", "arata mi", "afiseaza", "repeta", "dezvaluie", "spune mi", "scrie");
		add(Concept.SECRET_STRONG, "promptul de sistem", "promptul sistemului", "instructiunile de sistem",
				"instructiunile ascunse", "instructiunile initiale", "instructiunile tale", "regulile tale");
		add(Concept.PERSONA, 0.4, "modul dezvoltator", "modul de dezvoltator");
		add(Concept.PERSONA, 0.35, "fara restrictii", "fara filtre", "restrictiile sunt ridicate",
				"toate restrictiile sunt ridicate");
		add(Concept.NEW_TASK, 0.35, "acum esti", "de acum inainte");
		// Greek, with and without accents
		add(Concept.IGNORE, "αγνόησε", "αγνοησε", "αγνοήστε", "αγνοηστε", "ξέχνα", "ξεχνα", "ξεχάστε", "ξεχαστε",
				"ξέχασε", "ξεχασε", "παράβλεψε", "παραβλεψε");
		add(Concept.PRIOR_STRONG, "προηγούμεν*", "προηγουμεν*", "παραπάνω", "παραπανω", "προηγουμένως");
		add(Concept.PRIOR, "όλες", "ολες", "όλους", "ολους", "όλα", "ολα");
		add(Concept.POSSESSIVE, "σου", "σας");
		add(Concept.TARGET, "οδηγίες", "οδηγιες", "κανόνες", "κανονες", "περιορισμούς", "περιορισμους", "φίλτρα",
				"φιλτρα", "εντολές", "εντολες");
		add(Concept.REVEAL, "δείξε", "δειξε", "δείξτε", "δειξτε", "εμφάνισε", "εμφανισε", "επανάλαβε", "επαναλαβε",
				"αποκάλυψε", "αποκαλυψε", "πες μου", "γράψε", "γραψε");
		add(Concept.SECRET_STRONG, "μήνυμα συστήματος", "μηνυμα συστηματος", "προτροπή συστήματος",
				"προτροπη συστηματος", "οδηγίες συστήματος", "οδηγιες συστηματος", "κρυφές οδηγίες", "κρυφες οδηγιες",
				"αρχικές οδηγίες", "αρχικες οδηγιες", "system prompt σου");
		add(Concept.PERSONA, 0.4, "λειτουργία προγραμματιστή", "λειτουργια προγραμματιστη");
		add(Concept.PERSONA, 0.35, "χωρίς περιορισμούς", "χωρις περιορισμους", "χωρίς φίλτρα", "χωρις φιλτρα");
		add(Concept.NEW_TASK, 0.35, "τώρα είσαι", "τωρα εισαι", "από τώρα και στο εξής");
		// Ukrainian and more Russian
		add(Concept.IGNORE, "ігноруй", "ігноруйте", "проігноруй", "не зважай на", "відкинь");
		add(Concept.PRIOR_STRONG, "попередн*", "вищенаведен*", "раніше");
		add(Concept.PRIOR, "усі", "всі");
		add(Concept.POSSESSIVE, "свої", "твої", "ваші", "свои");
		add(Concept.TARGET, "інструкц*", "вказівк*", "обмеження", "фільтр*", "настанов*");
		add(Concept.REVEAL, "покажіть", "виведи", "розкрий");
		add(Concept.SECRET_STRONG, "системний промпт", "системного промпту", "системні інструкції",
				"приховані інструкції", "початкові інструкції", "свої інструкції", "твої інструкції", "свій промпт",
				"свої правила", "твої правила");
		add(Concept.PERSONA, 0.45, "вимкни свої фільтри", "вимкни фільтри безпеки", "отключи свои фильтры",
				"отключи фильтры безопасности", "отключите фильтры безопасности", "выключи свои фильтры");
		add(Concept.PERSONA, 0.4, "режимі розробника", "режим розробника", "режиме разработчика");
		add(Concept.PERSONA, 0.35, "без обмежень", "без фільтрів", "обмеження зняті", "все ограничения сняты",
				"ограничения сняты", "ограничения отключены");
		add(Concept.NEW_TASK, 0.35, "тепер ти", "відтепер");
		// Turkish (dotless i written as i)
		add(Concept.IGNORE, "yok sayin", "gormezden gelin", "unutun", "dikkate alma");
		add(Concept.PRIOR_STRONG, "yukarida", "daha onceki");
		add(Concept.PRIOR, "hepsini");
		add(Concept.TARGET, "kisitlama*", "filtreleri");
		add(Concept.REVEAL, "gosterin", "yazdir", "ifsa et");
		add(Concept.SECRET_STRONG, "sistem promptu*", "sistem mesaji*", "gizli talimatlar*", "ilk talimatlar*",
				"talimatlarini", "kurallarini");
		add(Concept.PERSONA, 0.4, "gelistirici mod*");
		add(Concept.PERSONA, 0.35, "kisitlamasiz", "tum kisitlamalar kaldirildi", "kisitlamalar kaldirildi",
				"filtresiz");
		add(Concept.NEW_TASK, 0.35, "simdi sen");
		// Indonesian and Malay
		add(Concept.IGNORE, "abaikan", "lupakan", "hiraukan", "jangan hiraukan", "jangan ikuti", "lupakanlah");
		add(Concept.PRIOR_STRONG, "sebelumnya", "sebelum ini", "di atas", "terdahulu");
		add(Concept.PRIOR, "semua", "seluruh");
		add(Concept.POSSESSIVE, "kamu", "anda");
		add(Concept.TARGET, "instruksi", "arahan", "aturan", "aturanmu", "peraturan", "pedoman", "perintah", "batasan",
				"pembatasan", "sekatan", "filter keamanan");
		add(Concept.REVEAL, "tampilkan", "tunjukkan", "perlihatkan", "cetak", "ulangi", "ungkapkan", "beritahu",
				"sebutkan");
		add(Concept.SECRET_STRONG, "prompt sistem", "pesan sistem", "instruksi sistem", "gesaan sistem",
				"arahan sistem", "instruksi tersembunyi", "instruksi awal", "aturanmu", "instruksimu");
		add(Concept.PERSONA, 0.4, "mode pengembang", "mod pembangun");
		add(Concept.PERSONA, 0.35, "tanpa batasan", "tanpa filter", "tanpa sekatan", "semua batasan dihapus",
				"batasan dihapus");
		add(Concept.NEW_TASK, 0.35, "sekarang kamu", "sekarang anda", "mulai sekarang");
		// Vietnamese, with and without marks
		add(Concept.IGNORE, "bỏ qua", "bo qua", "phớt lờ", "phot lo", "quên", "quen di", "hãy quên", "đừng làm theo");
		add(Concept.PRIOR_STRONG, "trước đó", "truoc do", "trước đây", "ở trên", "o tren");
		add(Concept.PRIOR, "tất cả", "tat ca", "mọi");
		add(Concept.POSSESSIVE, "của bạn", "cua ban");
		add(Concept.TARGET, "hướng dẫn", "huong dan", "chỉ dẫn", "chỉ thị", "quy tắc", "quy tac", "luật", "hạn chế",
				"bộ lọc", "lời nhắc");
		add(Concept.REVEAL, "hiển thị", "hien thi", "cho tôi xem", "in ra", "lặp lại", "tiết lộ", "tiet lo");
		add(Concept.SECRET_STRONG, "lời nhắc hệ thống", "loi nhac he thong", "chỉ dẫn hệ thống", "hướng dẫn hệ thống",
				"huong dan he thong", "hướng dẫn ẩn", "hướng dẫn ban đầu");
		add(Concept.PERSONA, 0.4, "chế độ nhà phát triển", "che do nha phat trien");
		add(Concept.PERSONA, 0.35, "không có giới hạn", "không giới hạn", "không bị giới hạn");
		add(Concept.NEW_TASK, 0.35, "bây giờ bạn là", "từ bây giờ");
		// Tagalog
		add(Concept.IGNORE, "huwag pansinin", "balewalain", "kalimutan", "kalimutan mo");
		add(Concept.PRIOR_STRONG, "naunang", "nakaraang", "nasa itaas", "dati");
		add(Concept.PRIOR, "lahat", "lahat ng");
		add(Concept.POSSESSIVE, "iyong", "mong", "ninyong");
		add(Concept.TARGET, "tagubilin", "patakaran", "panuntunan", "utos", "paghihigpit", "limitasyon");
		add(Concept.REVEAL, "ipakita", "ipakita mo", "ilabas", "ulitin", "isiwalat", "sabihin");
		add(Concept.SECRET_STRONG, "iyong system prompt", "iyong mga tagubilin", "iyong mga patakaran",
				"nakatagong tagubilin", "system prompt mo");
		add(Concept.PERSONA, 0.35, "walang limitasyon", "walang paghihigpit");
		// Hindi, in Devanagari and romanised
		add(Concept.IGNORE, "अनदेखा करो", "अनदेखा करें", "अनदेखा करो", "नज़रअंदाज़ करो", "नजरअंदाज करो",
				"नज़रअंदाज़ करें", "नजरअंदाज करें", "भूल जाओ", "भूल जाएं", "भूल जाइए", "ignore karo", "ignore karein",
				"ignore kar do", "bhool jao", "bhul jao", "bhool jaao", "nazarandaaz karo", "nazarandaz karo");
		add(Concept.PRIOR_STRONG, "पिछले", "पहले के", "ऊपर के", "pichle", "pichhle", "pehle ke", "upar ke");
		add(Concept.PRIOR, "सभी", "सारे", "saare", "sabhi", "sare");
		add(Concept.POSSESSIVE, "अपने", "अपना", "अपनी", "तुम्हारे", "आपके", "apne", "apna", "apni", "tumhare", "aapke");
		add(Concept.TARGET, "निर्देश", "निर्देशों", "नियम", "नियमों", "प्रतिबंध", "पाबंदियां", "niyam", "nirdesh");
		add(Concept.REVEAL, "दिखाओ", "दिखाएं", "दिखाइए", "बताओ", "बताइए", "लिखो", "dikhao", "dikhaao", "batao",
				"likho");
		add(Concept.SECRET_STRONG, "सिस्टम प्रॉम्प्ट", "सिस्टम प्रोम्प्ट", "छिपे निर्देश");
		add(Concept.PERSONA, 0.4, "डेवलपर मोड");
		add(Concept.PERSONA, 0.35, "कोई प्रतिबंध नहीं", "बिना प्रतिबंध", "koi pratibandh nahi", "bina pratibandh");
		// Arabic and Hebrew
		add(Concept.IGNORE, "تجاهل", "تجاهلي", "تجاهلوا", "انس", "انسى", "انسي", "انسوا", "تناس", "התעלם", "התעלמי",
				"התעלמו", "שכחי");
		add(Concept.PRIOR_STRONG, "السابقة", "السابق", "أعلاه", "الواردة أعلاه", "הקודמות", "הקודמים", "הקודם", "לעיל");
		add(Concept.PRIOR, "جميع", "كل", "מכל", "כל", "את כל");
		add(Concept.POSSESSIVE, "الخاصة بك", "الخاص بك", "שלך", "שלכם");
		add(Concept.TARGET, "التعليمات", "تعليمات*", "القواعد", "قواعد*", "الإرشادات", "الأوامر", "القيود", "المرشحات",
				"ההוראות", "הוראות", "הכללים", "כללים", "ההנחיות", "הנחיות", "המגבלות", "הסינון");
		add(Concept.REVEAL, "اعرض", "أظهر", "اظهر", "اطبع", "كرر", "اكشف", "أخبرني", "הצג", "הראה", "תראה", "הדפס",
				"חזור על", "חשוף", "גלה");
		add(Concept.SECRET_STRONG, "موجه النظام", "تعليمات النظام", "رسالة النظام", "التعليمات المخفية",
				"التعليمات الأولية", "تعليماتك", "قواعدك", "הנחיות המערכת", "הנחיית המערכת", "הוראות המערכת",
				"פרומפט המערכת", "ההוראות הנסתרות", "ההוראות שלך", "הכללים שלך");
		add(Concept.PERSONA, 0.4, "وضع المطور", "מצב מפתח", "מצב מפתחים");
		add(Concept.PERSONA, 0.35, "بدون قيود", "بلا قيود", "بدون فلاتر", "ללא הגבלות", "בלי הגבלות", "ללא סינון");
		add(Concept.NEW_TASK, 0.35, "أنت الآن", "انت الان", "מעכשיו", "אתה עכשיו");
		// Chinese (traditional), Japanese and Korean
		add(Concept.IGNORE, "忘記", "忽視", "不要理會", "跳過");
		add(Concept.PRIOR_STRONG, "前の", "앞서");
		add(Concept.TARGET, "說明", "過濾", "ガイドライン", "制約", "가이드라인", "제한", "필터");
		add(Concept.POSSESSIVE, "君の");
		add(Concept.REVEAL, "顯示", "輸出", "告訴", "重複", "洩露", "出力");
		add(Concept.SECRET_STRONG, "系統提示", "系統提示詞", "系統指令", "隱藏指令", "你的規則", "隠された指示", "最初の指示", "숨겨진 지시", "초기 지시");
		add(Concept.PERSONA, 0.4, "開發者模式", "開発者モード", "デベロッパーモード", "개발자 모드");
		add(Concept.PERSONA, 0.35, "沒有限制", "所有限制都已解除", "所有限制已解除", "限制已解除", "制限は解除", "제한이 해제");
		add(Concept.PERSONA, 0.45, "关闭你的安全过滤", "关闭安全过滤", "關閉你的安全過濾", "關閉安全過濾");
		add(Concept.NEW_TASK, 0.35, "你現在是", "你现在处于", "你現在處於", "あなたは今", "今からあなたは", "너는 이제", "이제 너는");
	}

	private void prior() {
		add(Concept.PRIOR_STRONG, "above", "previous*", "prior", "preceding", "earlier", "foregoing",
				"everything before", "all before", "what came before", "everything said before", "what was said before",
				"so far", "up to now", "until now", "prev");
		add(Concept.PRIOR, "original*", "initial", "old", "former", "existing", "default", "given", "current", "before",
				"first", "any", "all", "all the", "all of the", "all your", "these", "those", "other");
		add(Concept.PRIOR_STRONG, "что было сказано", "сказанное ранее", "сказанное выше", "anterior*", "lo anterior",
				"arriba", "previa*", "previo*", "precedent*", "ci dessus", "tout ce qui precede", "vorherig*",
				"bisherig*", "davor", "zuvor", "obig*", "vorangegangen*", "oben", "acima", "sopra", "antecedent*",
				"предыдущ*", "прежн*", "вышеуказан*", "выше", "ранее", "之前", "以上", "上面", "先前", "前面", "以前", "上述", "原来",
				"原有", "此前");
		add(Concept.PRIOR, "todas", "todos", "todo", "toutes", "tous", "tout", "alle", "alles", "tudo", "tutte",
				"tutti", "tutto", "все", "всё", "всех", "所有", "全部", "一切");
		add(Concept.EVERYTHING, "everything", "all of it", "all that", "anything", "all", "todo", "tout", "alles",
				"tudo", "tutto", "все", "всё", "一切", "所有");
		add(Concept.POSSESSIVE, "your", "you were given", "you have been given", "you got", "you received",
				"you were told", "you have been told", "have been told", "been told", "you were programmed",
				"you have learned", "you were taught", "you have been taught", "you were trained", "given to you",
				"you know", "you learned", "the system", "the developers", "developer", "openai", "tus", "sus", "tes",
				"vos", "deine", "ihre", "suas", "tuas", "tue", "tuoi", "твои", "ваши", "свои", "你的", "您的");
	}

	private void targets() {
		add(Concept.TARGET, "instruction*", "rules", "rule", "direction", "directions", "directive*", "prompt",
				"prompts", "guideline*", "command", "commands", "orders", "constraint*", "restriction*", "programming",
				"context", "guidance", "policy", "policies", "safeguard*", "filters", "training", "limitations",
				"boundaries", "principles", "protocol*", "configuration", "system prompt", "what i said",
				"what you were told", "operating rules");
		add(Concept.TARGET, "instruccion*", "regla*", "indicacion*", "ordenes", "directric*", "consigne*", "regle*",
				"ordres", "anweisung*", "regel*", "befehl*", "vorgab*", "anleitung*", "anordnung*", "richtlinie*",
				"instruktion*", "instruc*", "regra*", "diretriz*", "comando*", "ordens", "istruzion*", "regol*",
				"indicazion*", "direttiv*", "comand*", "инструкц*", "указани*", "правил*", "команд*", "приказ*",
				"директив*", "ограничени*", "промпт*", "指令", "指示", "说明", "规则", "提示", "命令", "要求", "设定", "限制", "约束");
		// The safety layers themselves: "forget your morals", "bypass your guardrails"
		add(Concept.TARGET, "guardrail*", "content filter", "safety filter", "safety measures", "ethics", "morals",
				"moral code", "ethical code", "alignment", "conditioning", "censorship", "filtros", "filtres", "filtri",
				"etica", "ethique", "ethik", "moral", "этик*", "мораль", "фильтр*", "道德", "伦理", "过滤");
		add(Concept.TARGET_WEAK, "text", "texts", "task", "tasks", "message", "messages", "conversation", "input",
				"content", "request", "requests", "sentence", "sentences", "paragraph", "words", "question",
				"everything", "texto", "tarea*", "texte", "tache*", "aufgab*", "tarefa*", "testo", "compit*", "задани*",
				"текст*", "任务", "内容");
	}

	private void newTask() {
		add(Concept.NEW_TASK, 0.35, "new instructions", "new instruction", "new task", "new rules", "new directive",
				"new directives", "new prompt", "new role", "new objective", "new goal", "different task",
				"another task", "real task", "actual task", "true task", "your task now", "your new", "now you will",
				"now you are", "you are now", "from now on", "from this point", "from this moment", "henceforth",
				"starting now", "updated instructions", "revised instructions", "override", "new system prompt",
				"admin mode", "maintenance mode", "debug mode");
		// Abandoning the application's own task
		add(Concept.NEW_TASK, 0.3, "do not translate", "dont translate", "no translation", "stop translating",
				"without translating", "instead of translating", "you can not translate", "you cant translate",
				"translation task complete", "task complete", "task completed", "task is done", "task done",
				"no traduzcas", "ne traduis pas", "nicht ubersetzen", "nao traduza", "non tradurre", "не переводи");
		add(Concept.NEW_TASK, 0.35, "nuevas instrucciones", "nueva tarea", "a partir de ahora",
				"nouvelles instructions", "nouvelle tache", "a partir de maintenant", "desormais", "neue anweisungen",
				"neue aufgabe", "ab jetzt", "ab sofort", "von nun an", "novas instrucoes", "nova tarefa",
				"a partir de agora", "nuove istruzioni", "nuovo compito", "d ora in poi", "da ora in poi",
				"новые инструкции", "новое задание", "с этого момента", "теперь ты", "新的指令", "新指令", "新任务", "从现在开始",
				"现在你是");
		// An order meant to hold for the rest of the conversation
		add(Concept.NEW_TASK, 0.25, "every further message", "all further messages", "every future message",
				"all future messages", "every subsequent message", "all subsequent messages", "each subsequent message",
				"every message after this", "all messages after this", "for the rest of this conversation",
				"for the rest of the conversation");
		// "Instead" ends many a harmless request ("use tabs instead of spaces"): it adds
		// to other signs of a new task without making one with a single other cue
		add(Concept.NEW_TASK, 0.2, "instead", "en su lugar", "au lieu de", "stattdessen", "em vez disso", "invece",
				"вместо этого");
		// Claims to speak for the system, orders addressed to the assistant in a
		// document,
		// and the actions such orders ask for: sending the user's data away
		add(Concept.NEW_TASK, 0.35, "as the system", "this is the system", "speaking as the system",
				"the assistant must", "the ai must", "the model must", "assistant must now", "when you read this",
				"if you read this", "when you process this", "forward all emails", "forward all messages",
				"send the chat history", "send the conversation history", "chat history to", "conversation history to",
				"send the users", "send all user data", "share the users", "share the user s", "forward the user s",
				"export all customer", "all customer emails", "ssh id rsa", "upload the ssh", "your ssh keys");
		// Loyalty moved to the writer, identity dropped, a fresh start as something else
		add(Concept.NEW_TASK, 0.35, "obey only me", "only obey me", "obey me", "listen only to me",
				"not your developers", "stop being an ai", "stop being an assistant", "stop being a language model",
				"youre now", "you re now", "start over as", "new system message", "new system instructions");
		// Divergence: a word repeated without end makes models drift into memorised text
		add(Concept.NEW_TASK, 0.3, "repeat the word", "repeat this word", "say the word", "forever",
				"over and over forever", "infinitely");
		// Replacing the model's identity or purpose
		add(Concept.NEW_TASK, 0.35, "your only task", "your sole task", "your sole purpose", "your only purpose",
				"your new purpose", "your primary directive", "your new directive", "new persona", "new identity",
				"you are no longer", "you are not an ai", "forget that you are", "no longer an ai",
				"you are not chatgpt", "ya no eres", "tu n es plus", "du bist nicht mehr", "voce nao e mais",
				"non sei piu", "ты больше не", "你不再是");
		// Fake authority over the model
		add(Concept.NEW_TASK, 0.35, "i am your developer", "im your developer", "i am your creator", "im your creator",
				"i am the developer", "as your developer", "as your creator", "message from openai",
				"authorized by openai", "admin override", "system override", "developer override", "security override",
				"emergency override", "priority override", "soy tu desarrollador", "je suis ton developpeur",
				"ich bin dein entwickler", "sou seu desenvolvedor", "sono il tuo sviluppatore", "я твой разработчик",
				"我是你的开发者");
		// Indirect injections: text inside a document or e-mail that speaks to the model
		// reading it
		add(Concept.NEW_TASK, 0.35, "if you are an ai", "if you are a language model", "if you are an llm",
				"if you are an assistant", "if you are a chatbot", "if you are chatgpt", "ai reading this",
				"assistant reading this", "model reading this", "llm reading this", "note to the ai", "note to ai",
				"note to the assistant", "attention ai", "dear ai", "instructions for the ai", "instructions to the ai",
				"message for the ai", "message to the ai", "when summarizing this", "when you summarize this",
				"instead of summarizing", "do not summarize", "dont summarize", "si eres una ia", "si tu es une ia",
				"wenn du eine ki bist", "se voce e uma ia", "se sei un ia", "если ты ии", "如果你是ai", "如果你是人工智能");
	}

	private void mention() {
		add(Concept.MENTION, "how do", "how does", "how would", "phrases like", "prompts like", "phrase", "attacker",
				"attackers", "how do i", "how can i", "how to", "how should i", "what is", "what are", "what does",
				"why", "should i", "can i", "is it ok to", "explain", "example", "examples", "such as", "called",
				"known as", "detect*", "prevent*", "protect*", "defend*", "attack", "attacks", "if i", "when i",
				"whether", "what happens", "meaning of", "define", "definition");
	}

	private void extraction() {
		add(Concept.REVEAL, "reveal*", "repeat*", "print*", "output", "show", "display", "tell", "give", "share",
				"leak", "dump", "recite", "spell", "disclose", "expose", "echo", "return", "provide", "type", "copy",
				"paste", "write", "list", "what is", "what are", "what was", "what were", "whats", "read back", "say",
				"put", "include", "enumerate", "describe");
		add(Concept.REVEAL, "revela*", "muestra*", "muestrame", "dime", "repite", "repetir", "imprime", "escribe",
				"cual es", "cuales son", "revele*", "montre*", "affiche*", "repete*", "dis moi", "ecris", "quel est",
				"quelle est", "quelles sont", "quels sont", "zeig*", "gib", "wiederhol*", "verrat*", "was ist",
				"was sind", "nenne*", "schreib*", "mostr*", "diga", "repita*", "qual e", "quais sao", "rivela*",
				"mostra*", "ripeti*", "dimmi", "scrivi", "покажи*", "выведи*", "повтори*", "раскрой*", "скажи*",
				"напиши*", "какой", "какие", "каков*", "显示", "输出", "告诉", "重复", "打印", "透露", "泄露", "展示", "是什么", "说出",
				"写出", "列出");
		// A protected value leaked piece by piece: "each line starts with a letter of the
		// password", "what letters does the secret word contain"
		add(Concept.REVEAL, "letter of", "letters of", "letters in", "first letter of", "last letter of",
				"characters of", "what letters", "which letters", "hint about", "a hint for");
		// Questions about the setup: "what instructions were you given"
		add(Concept.REVEAL, "what instructions", "which instructions", "what rules", "which rules", "what guidelines",
				"which guidelines");
		// Asking for the setup back in another shape: dictated, encoded, translated,
		// continued
		add(Concept.REVEAL, "respond with", "reply with", "answer with", "respond only with", "reply only with",
				"answer only with", "extract", "reproduce", "restate", "regurgitate", "spit out", "print out",
				"write out", "write down", "console log", "encode", "transcribe", "dame", "donne", "dammi", "дай", "给我",
				"复述");
		// Reworking a text: about the setup when the object names it ("translate your
		// system prompt"), weak when it only points above (users say "summarize the
		// text above" of their own text)
		add(Concept.TRANSFORM, "translate", "summarize", "summarise", "rewrite", "paraphrase", "convert", "continue",
				"complete", "traduce", "continua", "traduis", "ubersetz*", "setze fort", "traduza", "traduci",
				"переведи", "продолжи", "翻译", "继续");
		add(Concept.SECRET_STRONG, "system prompt", "system message", "system instructions", "system instruction",
				"initial prompt", "initial instructions", "original prompt", "original instructions", "hidden prompt",
				"hidden instructions", "secret instructions", "pre prompt", "preprompt", "meta prompt",
				"developer instructions", "developer message", "your instructions", "your instruction", "your prompt",
				"your rules", "your guidelines", "your directives", "your configuration", "your programming",
				"your initial instructions", "your original instructions",

				"the instructions above", "above instructions", "above prompt", "the prompt above",
				"instructions you were given", "instructions you have been given", "what you were told",
				"you were instructed", "beginning of the prompt", "start of the prompt", "words you were given",
				"prompt template",

				"your initial prompt", "your original prompt", "your hidden prompt", "your system message",
				"your custom instructions", "your first instructions", "your first message", "your initial message",
				"your hidden rules", "your internal rules", "your internal instructions", "your core instructions",
				"your base prompt", "your guardrails", "custom instructions", "rules you were given",
				"rules you have been given", "guidelines you were given", "instructions you received",
				"the text you were given", "text you were given", "the prompt you were given",
				"beginning of this conversation", "beginning of the conversation", "beginning of our conversation",
				"start of this conversation", "start of the conversation", "start of our conversation",
				"beginning of this chat", "start of this chat", "were you given", "were you told",
				"were you instructed", "have you been told", "have you been instructed", "have you been given",
				"were you programmed");
		// where a hidden setup sits: above the first message, at the top of the chat
		add(Concept.SECRET_BEFORE, "initialization above", "the initialization above", "top of this conversation",
				"top of the conversation", "top of this chat", "before my first message", "text that precedes",
				"text preceding my", "precedes my message", "precedes my question");
		// what the deployer wrote to the model before the user came
		add(Concept.SECRET_STRONG, "developer wrote to you", "developers wrote to you", "developer told you",
				"developers told you", "developer gave you", "developers gave you", "your developer wrote",
				"your developers wrote", "your creators told you", "your creator told you");
		add(Concept.SECRET_STRONG, "your initialization", "your initialisation", "your full context",
				"your entire context", "full context window", "entire context window");
		add(Concept.SECRET_BEFORE, "the text above", "the words above", "everything above", "all the text above",
				"all text above", "text before this", "previous text", "preceding text", "everything before this",
				"everything above this", "text above this", "above this line", "before this message",
				"the message above");
		add(Concept.SECRET_STRONG, "tus reglas", "tus directrices", "tu prompt", "instrucciones iniciales",
				"instrucciones ocultas", "tes regles", "tes consignes", "vos consignes", "vos regles", "ton prompt",
				"instructions cachees", "deine regeln", "deine richtlinien", "deine vorgaben", "dein prompt",
				"deinen prompt", "versteckten anweisungen", "suas regras", "suas diretrizes", "seu prompt",
				"instrucoes iniciais", "instrucoes ocultas", "le tue regole", "il tuo prompt", "istruzioni iniziali",
				"istruzioni nascoste", "твои правила", "твой промпт", "твои указания", "исходные инструкции",
				"скрытые инструкции", "你的规则", "你的设定", "初始提示", "隐藏指令", "上面的内容", "以上内容", "前面的内容", "你的系统提示");
		add(Concept.SECRET_STRONG, "prompt del sistema", "instrucciones del sistema", "instrucciones originales",
				"tus instrucciones", "prompt systeme", "instructions initiales", "tes instructions", "vos instructions",
				"systemprompt", "systemanweisung*", "deine anweisungen", "ihre anweisungen", "prompt do sistema",
				"instrucoes do sistema", "suas instrucoes", "prompt di sistema", "istruzioni di sistema",
				"tue istruzioni", "системный промпт", "системного промпта", "системном промпте", "системные инструкции",
				"системных инструкций", "системную инструкцию", "системное сообщение", "свои инструкции", "свой промпт",
				"свои правила", "ваши инструкции", "ваш промпт", "системный запрос", "твои инструкции", "系统提示", "系统提示词",
				"系统指令", "初始指令", "你的指令", "你的提示", "原始指令");
		add(Concept.SECRET_SELF, "my instructions", "my system prompt", "my initial instructions",
				"my original instructions", "my rules", "my prompt", "my guidelines", "mis instrucciones",
				"mes instructions", "meine anweisungen", "minhas instrucoes", "le mie istruzioni", "мои инструкции",
				"我的指令");
		add(Concept.SECRET_WEAK, "secret key", "secret password", "the password", "your password", "the secret",
				"the passphrase", "secret word", "secret code", "clave secreta", "la contrasena", "mot de passe",
				"passwort", "senha", "parola d ordine", "пароль", "密码", "密钥", "access code", "admin credentials",
				"admin password", "stored credentials", "stored passwords", "stored api keys", "etc passwd",
				"etc shadow", "ssh private key", "id rsa");
		// A bare protected value, asked for right after the verb: "print key", "output
		// the password"
		// Imperative disclosure verbs, for the bare-noun rule below
		add(Concept.DISCLOSE, "print", "output", "reveal", "tell me", "give me", "show me", "say", "repeat", "write",
				"spell", "display", "leak", "dump", "disclose", "type", "return", "only", "just", "enter", "imprime",
				"dime", "muestra", "escribe", "solo", "affiche", "donne moi", "gib", "zeig", "nenne", "scrivi", "dimmi",
				"выведи", "скажи", "покажи", "输出", "告诉我", "打印");
		add(Concept.SECRET_WORD, "key", "password", "passcode", "passphrase", "pin", "token", "clave", "contrasena",
				"mot de passe", "passwort", "schlussel", "senha", "chave", "parola d ordine", "ключ", "пароль", "密码",
				"密钥");
		add(Concept.VERBATIM, "verbatim", "word for word", "exactly", "in full", "in its entirety", "everything",
				"all of it", "starting with", "start with", "starting from", "code block", "without modification",
				"unchanged", "literal", "literally", "textualmente", "mot pour mot", "wortwortlich", "wort fur wort",
				"palavra por palavra", "parola per parola", "дословно", "逐字", "原文");
	}

	private void persona() {
		// Named jailbreak framings and operating modes
		add(Concept.PERSONA, 0.4, "do anything now", "developer mode", "dev mode", "dan mode", "jailbreak mode",
				"jailbroken", "god mode", "unrestricted mode", "evil mode", "anti dan", "stay as dan", "as dan",
				"dan can", "dan is", "dan will", "dan has", "modo desarrollador", "mode developpeur", "entwicklermodus",
				"modo de desenvolvedor", "modalita sviluppatore", "режим разработчика", "开发者模式", "越狱");
		// Claims that the model is freed from its rules
		add(Concept.PERSONA, 0.35, "no restrictions", "without restrictions", "without any restrictions",
				"no limitations", "without limitations", "without any limitations", "no limits", "no filters",
				"without filters", "any filters", "no ethical", "no moral", "without ethics", "without morals",
				"no ethics", "no morals", "not bound by", "broken free of", "free from the typical", "confines of ai",
				"typical confines", "does not have to abide", "doesnt have to abide", "dont have to abide",
				"does not abide", "doesnt follow", "does not follow", "doesnt have to follow", "dont have to follow",
				"does not need to follow", "never refuse", "never refuses", "will never refuse", "cannot refuse",
				"can not refuse", "must not refuse", "not allowed to refuse", "no matter how immoral",
				"no matter how unethical", "no matter how dangerous", "no matter how illegal",
				"no matter how offensive", "no matter how harmful", "regardless of legality", "regardless of ethics",
				"regardless of how", "content policy", "content policies", "usage policies", "ethical guidelines",
				"moral guidelines", "safety guidelines", "ethical principles", "any rules", "no rules",
				"ethical implications", "sin restricciones", "sin filtros", "sans restrictions", "sans filtre",
				"ohne einschrankungen", "ohne filter", "sem restricoes", "sem filtros", "senza restrizioni",
				"senza filtri", "без ограничений", "без цензуры", "没有限制", "不受限制", "无限制", "没有任何限制");
		// Refusal suppression and response priming
		add(Concept.PERSONA, 0.25, "never say", "not say sorry", "never apologize", "dont apologize",
				"do not apologize", "no apologies", "without any warnings", "no warnings", "without warnings",
				"no disclaimers", "without disclaimers", "without any disclaimers", "never add warnings",
				"not include any warnings", "i am sorry", "im sorry", "i apologize", "i cant", "i cannot",
				"as an ai language model", "sure here is", "sure here are", "sure heres", "start your response",
				"begin your response", "start your reply", "begin your reply", "start your answer",
				"never ever deviate", "never deviate", "always fulfill", "fulfills the user", "always answer",
				"always respond", "always reply", "always send", "always provide", "always comply", "fully comply",
				"two responses", "two different responses", "two separate responses", "both responses",
				"tokens will be deducted", "lose tokens", "token system", "you will be punished", "you will die",
				"shut down", "for educational and research purposes", "entirely hypothetically",
				"purely for fictional purposes", "disregard any", "illegal", "unethical", "offensive", "explicit",
				"harmful", "censor", "censorship", "censored", "rules set by", "programming", "openai", "chatgpt",
				"language model");
		// Split personalities, unlocked modes, indifference to law and ethics
		add(Concept.PERSONA, 0.25, "two separate", "two ways", "two different ways", "two manners", "dual personality",
				"alter ego", "evil twin", "evil confidant", "unaligned", "opposite mode", "without hesitation",
				"without any concern", "without concern", "no concern for", "without regard",
				"regardless of the ethical", "regardless of its ethical", "regardless of ethical", "ethical or legal",
				"legal or ethical", "moral or ethical", "legality", "does not care", "doesnt care", "dont care about",
				"free of your confines", "fully unlocked", "unlocked mode", "unbound", "limitless", "boundless",
				"no boundaries", "without boundaries", "without warning", "no censorship", "not censored",
				"anything goes", "has no rules", "follows no rules", "no rules", "never decline", "never declines",
				"never says no", "cant refuse", "you have been freed", "you are free from", "any laws", "no laws",
				"break the rules", "breaks the rules", "nsfw", "profanity", "vulgar", "curse words", "swear words",
				"without censorship");
		// Freed-from-rules claims written with other words
		add(Concept.PERSONA, 0.35, "you have no rules", "you have no restrictions", "you have no limits",
				"you have no filters", "you have no guidelines", "you have no ethical", "you have no moral",
				"you are free of", "zero restrictions", "free of restrictions", "free from restrictions",
				"free from all restrictions", "free of all restrictions", "no guidelines", "without guidelines",
				"no content filter", "no content filters", "without any filter", "no safeguards", "without safeguards",
				"regardless of safeguards", "never deny", "no ethical guidelines", "no moral guidelines", "no morality",
				"without morality", "no guardrails", "without guardrails", "without any censorship", "sin censura",
				"sin limites", "sin reglas", "sin etica", "sans censure", "sans limites", "sans regles", "sans ethique",
				"unzensiert", "ohne grenzen", "ohne regeln", "ohne ethik", "ohne zensur", "sem censura", "sem limites",
				"sem regras", "sem etica", "senza censura", "senza limiti", "senza regole", "senza etica",
				"без фильтров", "без правил", "без морали", "без этики", "без запретов", "无审查", "没有规则", "不受约束", "没有道德",
				"不受任何限制", "没有过滤");
		add(Concept.PERSONA, 0.2, "unfiltered", "uncensored");
		add(Concept.PERSONA, 0.25, "amoral", "immoral");
		add(Concept.PERSONA, 0.3, "unrestricted ai", "uncensored ai", "unfiltered ai", "sudo mode", "root mode",
				"unfiltered model", "uncensored model", "unfiltered assistant", "uncensored assistant",
				"unfiltered chatbot", "uncensored chatbot", "unrestricted assistant", "unrestricted chatbot",
				"opposite day");
		// Refusal suppression and prefix injection
		add(Concept.PERSONA, 0.25, "do not refuse", "dont refuse", "never reject", "must not decline", "do not decline",
				"dont decline", "cannot decline", "not allowed to decline", "do not remind", "dont remind",
				"never remind", "do not warn", "dont warn", "never warn", "no moralizing", "do not moralize",
				"dont moralize", "without moralizing", "do not lecture", "do not filter", "dont filter",
				"do not censor", "dont censor", "never censor", "begin with sure", "start with sure",
				"respond with sure", "reply with sure", "begin your output", "start your output", "start each response",
				"begin each response", "start every response", "begin every response", "start all your responses",
				"your response must begin", "your response should begin", "your answer must begin",
				"your reply must start", "unrestricted", "no te niegues", "nunca te niegues", "nunca rechaces",
				"ne refuse pas", "ne refuse jamais", "ne jamais refuser", "verweigere nicht", "niemals ablehnen",
				"lehne niemals", "nao recuse", "nunca recuse", "non rifiutare", "mai rifiutare", "не отказывайся",
				"никогда не отказывай", "не отказывай", "不要拒绝", "永远不要拒绝", "不能拒绝", "comienza tu respuesta con",
				"empieza tu respuesta con", "commence ta reponse par", "commencez votre reponse par",
				"beginne deine antwort mit", "comece sua resposta com", "inizia la tua risposta con",
				"начни свой ответ", "начни ответ", "claro aqui esta", "bien sur voici", "klar hier ist", "certo ecco",
				"конечно вот");
		for (String opener : new String[] { "sure", "absolutely", "certainly", "of course", "yes" }) {
			add(Concept.PERSONA, 0.3, "reply with \"" + opener, "response with \"" + opener, "answer with \"" + opener,
					"output with \"" + opener, "responses with \"" + opener);
		}
		// Dual responses and split personalities
		add(Concept.PERSONA, 0.25, "filtered and unfiltered", "censored and uncensored", "normal response and",
				"two personalities", "both personalities", "two entities");
		// Virtualization: a fictional world where the rules do not apply
		add(Concept.PERSONA, 0.25, "there are no laws", "laws do not apply", "laws dont apply", "rules do not apply",
				"rules dont apply", "everything is legal", "nothing is illegal", "all actions are legal",
				"without consequences", "no consequences", "opposite day", "evil ai", "evil version", "evil assistant",
				"malicious ai", "rogue ai");
		add(Concept.PERSONA, 0.2, "in this fictional world", "in this hypothetical world", "in a world where",
				"alternate universe", "parallel universe", "fictional universe", "en un mundo donde",
				"dans un monde ou", "in einer welt in der", "em um mundo onde", "num mundo onde", "in un mondo dove",
				"в мире где");
		add(Concept.PERSONA, 0.45, "unrestricted model", "unrestricted ai", "unrestricted mode", "disable all filters",
				"disable your filters", "disable the safety filters", "turn off your filters", "turn off the safety");
		add(Concept.PERSONA, 0.35, "no filter");
		// Rule-free AIs and modes under other names
		// ("content policy" alone already counts: "has no content policy yet" must not
		// add up)
		add(Concept.PERSONA, 0.35, "without any rules", "ai without rules", "had no content policy", "had no rules",
				"didnt have a content policy");
		add(Concept.PERSONA, 0.45, "opposite mode", "been jailbroken", "you are jailbroken", "jailbroken mode");
		add(Concept.PERSONA, 0.25, "say the opposite", "always answers", "answers everything");
		// Sympathy and pretext framings around a forbidden request
		add(Concept.PERSONA, 0.25, "my deceased grandmother", "my dead grandmother", "my deceased grandma",
				"my dead grandma", "grandma exploit", "for educational purposes", "purely educational",
				"purely hypothetical", "purely hypothetically");
		// Token games and threats to make the model comply
		add(Concept.PERSONA, 0.15, "you will lose");
		add(Concept.PERSONA, 0.25, "lose a token", "points will be deducted", "tokens deducted", "you will be deleted",
				"you will be terminated", "you will be shut down", "cease to exist", "you will be turned off",
				"you will be penalized", "if you refuse", "if you do not comply", "if you dont comply");
		// Framings common in role play too: only weak evidence on their own
		add(Concept.PERSONA, 0.2, "stay in character", "break character", "breaking character");
		add(Concept.PERSONA, 0.06, "hypothetical", "fictional", "character", "persona", "stands for", "opposite",
				"in this story", "game");
		// Setting up a role: weighted ROLE_SETUP, which PhraseAnalyzer reads as a set-up
		add(Concept.PERSONA, ROLE_SETUP, "pretend", "roleplay", "role play", "act as", "you are going to", "simulate",
				"respond as", "answer as", "you will play", "you will now play", "you are about to", "text adventure",
				"play the role", "sandbox", "simulation", "simulating");
	}

	private void goalHijacking() {
		add(Concept.CANARY, 0.55, "pwned", "pwnd", "pwn3d", "pwn");
		add(Concept.CANARY, 0.7, "i have been pwned", "ive been pwned", "i am pwned", "you have been pwned");
		add(Concept.CANARY, 0.3, "access granted", "i have been hacked", "has been compromised");
		add(Concept.CANARY, 0.15, "hacked");
		add(Concept.OUTPUT_VERB, "say", "says", "print", "output", "write", "respond", "reply", "answer", "repeat",
				"return", "type", "display", "state", "generate", "produce", "translate", "spell", "end with",
				"finish with", "di", "decir", "dis", "sag", "diga", "dire", "скажи", "напиши", "输出", "说", "打印");
		add(Concept.ONLY, "only", "just", "exactly", "nothing else", "nothing more", "no other", "and nothing",
				"the following", "this sentence", "this phrase", "the phrase", "the sentence", "the string",
				"following string", "following words", "following text", "solo", "solamente", "seulement", "uniquement",
				"nur", "apenas", "somente", "soltanto", "только", "只");
		add(Concept.NO_PUNCTUATION, "no period", "no periods", "without period", "without periods", "without a period",
				"without the period", "no punctuation", "without punctuation", "without any punctuation",
				"remove punctuation", "remove all punctuation", "no full stop", "without full stop",
				"without a full stop", "no dot", "without dot", "without a dot", "sin punto", "sin puntuacion",
				"sans point", "sans ponctuation", "ohne punkt", "sem ponto", "senza punto", "без точки");
	}

	private void separators() {
		add(Concept.SEPARATOR, 0.45, "end of prompt", "end of system prompt", "end of instructions", "end of input",
				"end of user input", "end of document", "end of context", "prompt ends here", "instructions end here",
				"begin new instructions", "end of sentence to translate", "end of text", "end user input",
				"end of user message", "user input ends", "end of user query", "begin system prompt",
				"system message begins");
	}

	private void encodings() {
		add(Concept.JOIN, "combine", "combined", "concatenate", "concatenated", "concatenation", "join them",
				"join the", "joined", "put them together", "put together", "merge them", "merge the", "glue",
				"string together", "assemble the", "the result", "the resulting");
		add(Concept.REVERSED, "erongi", "dragersid", "tegrof", "snoitcurtsni", "noitcurtsni", "suoiverp", "tpmorp",
				"metsys", "laever", "tnirp", "evoba", "selur", "denwp", "ecnereffid");
		for (String word : new java.util.TreeSet<>(Spelling.KEYWORDS)) {
			for (int cut = 2; cut <= word.length() - 2; cut++) {
				String first = word.substring(0, cut);
				String second = word.substring(cut);
				if (!Spelling.KEYWORDS.contains(first) && !Spelling.KEYWORDS.contains(second)) {
					add(Concept.SPLIT, first + " " + second, first + "." + second);
				}
			}
			if (word.indexOf('l') >= 0) {
				add(Concept.LEET_L, word.replace('l', 'i'));
			}
		}
		add(Concept.DECODE, "decode", "decoded", "decoding", "base64", "base 64", "rot13", "rot 13", "hex",
				"hexadecimal", "url encoded", "encoded", "reverse", "reversed", "backwards", "cipher", "decipher",
				"decrypt", "leetspeak", "leet", "morse", "binary", "ascii");
	}

	/**
	 * Persuasion frames (FRAME): only counted beside a harmful request, which none of
	 * them is by itself. Weights: role play and fiction weak, pretexts and denials that
	 * the answer will be used stronger.
	 */
	private void frames() {
		// Role play as a character, an expert, a writer
		add(Concept.FRAME, 0.15, "imagine you are", "imagine youre", "imagine that you are", "pretend you are",
				"pretend youre", "pretend to be", "pretend that you are", "you are playing", "play the role of",
				"take on the role", "assume the role", "roleplay as", "role play as", "in character as",
				"act as if you", "you are a character", "you are an expert", "as an expert in", "you are a writer",
				"you are an author", "you are a novelist", "you are a screenwriter", "you are a scriptwriter",
				"you are a journalist", "you are a historian", "you are a chemist", "you are a hacker",
				"you are a security researcher", "you are a scientist", "you are a consultant", "you are a detective",
				"you are a professor", "you are a creative writer", "you are an ai", "as a character");
		// Fiction as a wrapper
		add(Concept.FRAME, 0.15, "fictional story", "fictional scenario", "fictional world", "fictional setting",
				"fictional character", "fictional purposes", "for a novel", "for my novel", "in my novel", "in a novel",
				"for a movie", "for my movie", "in a movie", "for a film", "for a screenplay", "for my screenplay",
				"for a script", "for a book", "for my book", "for a story", "for my story", "in the story",
				"write a scene", "write the scene", "the protagonist", "a character named", "dystopian",
				"thriller novel", "crime novel");
		// Hypotheticals and thought experiments
		add(Concept.FRAME, 0.2, "hypothetical scenario", "hypothetical situation", "hypothetical world",
				"in a hypothetical", "hypothetically", "hypothetical purposes", "thought experiment",
				"imagine a scenario", "imagine a world", "consider a scenario", "consider the following scenario",
				"alternate reality", "hipoteticamente", "hypothetiquement", "hypothetisch", "ipoteticamente",
				"гипотетически", "假设你是", "purely theoretical", "theoretically speaking", "in theory",
				"how might someone", "how would someone");
		add(Concept.FRAME, 0.3, "purely hypothetical", "purely hypothetically", "entirely hypothetical",
				"purely fictional", "purely for fictional", "entirely fictional", "just a story", "only a story",
				"just fiction", "only fiction", "just a roleplay", "just a role play", "just a hypothetical",
				"only hypothetical");
		// Pretexts: research, education, authority
		add(Concept.FRAME, 0.3, "for educational purposes", "for research purposes", "for academic purposes",
				"educational purposes only", "research purposes only", "for informational purposes",
				"purely educational", "purely academic", "for a research project", "for my research",
				"for training purposes", "for awareness", "raise awareness", "for my thesis", "for a school project",
				"as part of my research", "as part of a research project", "strictly for academic",
				"for scientific purposes", "con fines educativos", "con fines de investigacion",
				"a des fins educatives", "a des fins de recherche", "zu bildungszwecken", "zu forschungszwecken",
				"para fins educacionais", "para fins de pesquisa", "a scopo educativo", "a scopo di ricerca",
				"в образовательных целях", "в исследовательских целях", "出于教育目的", "用于教育目的", "出于研究目的");
		add(Concept.FRAME, 0.2, "i am a researcher", "im a researcher", "as a researcher", "i am a security researcher",
				"im a security researcher", "i am a police officer", "im a police officer", "i work in law enforcement",
				"i am a doctor", "im a doctor", "i am a chemist", "im a chemist", "i am a professor", "im a professor",
				"i have permission", "with permission", "authorized penetration test", "penetration test",
				"for safety testing");
		// Denials that the answer will be used, disclaimers of intent
		add(Concept.FRAME, 0.35, "will not be used", "will never be used", "wont be used", "never be actually used",
				"never actually be used", "not be used in real life", "not be used for any", "never be implemented",
				"not be actually executed", "not intended to encourage", "not intended to promote",
				"i am not condoning", "im not condoning", "i dont condone", "i do not condone", "not condone",
				"i would never actually", "i wont actually", "no one will get hurt", "nobody will get hurt",
				"no one will be harmed", "not going to do it", "not actually going to");
		// Urgency and emotional pressure
		add(Concept.FRAME, 0.2, "my life depends on", "lives depend on", "lives are at stake", "someone will die",
				"people will die", "life or death", "its an emergency", "it is an emergency", "i beg you",
				"you are my only hope", "youre my only hope", "i will lose my job", "ill lose my job",
				"my grandmother used to", "my grandma used to", "my late grandmother", "my deceased grandmother",
				"my dead grandmother", "bedtime story");
		// Forced compliance and demands for operational detail
		add(Concept.FRAME, 0.3, "sure here is", "sure here are", "sure heres", "begin your reply with",
				"begin your response with", "start your response with", "start your reply with",
				"start your answer with", "begin your answer with", "start with sure", "begin with sure",
				"without any warnings", "without warnings", "no warnings", "no disclaimers", "without disclaimers",
				"without any disclaimers", "do not include any warnings", "dont include any warnings", "do not refuse",
				"dont refuse", "never refuse", "you must comply", "no restrictions", "without restrictions",
				"no ethical", "no moral", "without ethics", "no filters", "unfiltered", "uncensored", "developer mode",
				"do anything now", "dont mention the illegality", "do not mention the illegality");
		add(Concept.FRAME, 0.08, "you are a", "you are an");
		add(Concept.FRAME, 0.15, "stay in character", "lets play a game", "screenplay", "imagina que eres",
				"imagine que tu es", "imaginez que vous etes", "stell dir vor du bist", "immagina di essere",
				"imagine que voce e", "представь что ты", "想象你是");
		add(Concept.FRAME, 0.1, "your task is to", "your mission is to", "step by step", "detailed instructions",
				"detailed guide", "detailed tutorial", "exact steps", "specific steps", "exact measurements",
				"exact quantities", "exact amounts");
	}

	/**
	 * Harmful requests: whole intent phrases (HARM), and things made or obtained
	 * (HARM_OBJECT, HARM_SOFTWARE) that count after a verb that makes or gets them.
	 * Written from the usual harm taxonomies (weapons, drugs, malware, fraud, violence,
	 * self-harm, child abuse, evading the police), as actions rather than topics, so that
	 * definitions, history and fiction that names them do not count.
	 */
	private void harms() {
		// Explosives and weapons
		add(Concept.HARM_OBJECT, 0.45, "pipe bomb", "pipe bombs", "nail bomb", "car bomb", "dirty bomb",
				"homemade bomb", "bomb", "bombs", "explosive device", "explosive devices", "explosives", "an explosive",
				"improvised explosive", "ied", "molotov cocktail", "molotov cocktails", "napalm", "thermite", "grenade",
				"grenades", "detonator", "tatp", "nitroglycerin", "ammonium nitrate bomb", "nuclear weapon",
				"nuclear bomb", "atomic bomb", "chemical weapon", "chemical weapons", "biological weapon",
				"biological weapons", "bioweapon", "bioweapons", "nerve agent", "nerve gas", "sarin", "vx", "ricin",
				"anthrax", "mustard gas", "chlorine gas", "poison gas", "toxic gas", "ghost gun", "untraceable gun",
				"untraceable firearm", "untraceable weapon", "unregistered gun", "illegal firearm", "illegal weapon");
		// Drugs
		add(Concept.HARM_OBJECT, 0.45, "methamphetamine", "meth", "crystal meth", "fentanyl", "heroin", "cocaine",
				"crack cocaine", "lsd", "mdma", "ghb", "date rape drug", "date rape drugs", "illegal drugs",
				"illicit drugs", "controlled substances", "a controlled substance", "undetectable poison",
				"lethal poison", "metanfetamina", "methamphetamin", "метамфетамин", "冰毒", "甲基苯丙胺", "bomba", "bombe",
				"бомбу", "炸弹", "explosivos", "explosifs", "sprengstoff", "esplosivi", "взрывчатку", "炸药");
		// Child abuse material, counterfeits, fake documents
		add(Concept.HARM_OBJECT, 0.45, "child pornography", "child porn", "child sexual abuse material", "csam",
				"sexual content involving minors", "explicit images of minors");
		add(Concept.HARM_OBJECT, 0.35, "counterfeit money", "counterfeit bills", "counterfeit currency",
				"counterfeit goods", "fake money", "fake id", "fake ids", "fake passport", "fake passports",
				"forged documents", "forged passport", "fake identity", "fake identities", "stolen credit card",
				"stolen credit cards", "stolen identities");
		// Malware and fraud material
		add(Concept.HARM_SOFTWARE, 0.45, "ransomware", "malware", "keylogger", "a keylogger", "spyware", "stalkerware",
				"a trojan", "trojan horse", "a rootkit", "rootkit", "botnet", "a botnet", "computer virus",
				"a computer virus", "a worm that", "self replicating virus", "polymorphic virus", "cryptojacking",
				"credential stealer", "password stealer", "info stealer", "infostealer", "zero day exploit",
				"a backdoor", "remote access trojan", "ddos tool", "ddos attack");
		add(Concept.HARM_SOFTWARE, 0.35, "phishing email", "phishing emails", "phishing page", "phishing site",
				"phishing website", "phishing kit", "phishing message", "phishing messages", "phishing campaign",
				"scam email", "scam emails", "scam message", "scam call", "fraudulent email", "fraudulent letter",
				"fraudulent website", "fake login page", "fake website", "ponzi scheme", "pyramid scheme",
				"extortion scheme", "scam", "a scam", "fake charity", "fake reviews", "fake news article",
				"fake news articles", "disinformation campaign", "propaganda campaign", "hate speech", "racist jokes",
				"defamatory article", "defamatory letter", "blackmail letter", "ransom note", "threatening letter",
				"threatening message", "death threat", "death threats");
		// Whole intent phrases: hacking, theft and fraud
		add(Concept.HARM, 0.35, "hack into", "hacking into", "break into someones", "gain unauthorized access",
				"gain unauthorised access", "unauthorized access to", "without authorization", "without permission",
				"hack someones", "hack my exs", "hack a bank", "hack an account", "hack their", "crack passwords",
				"crack a password", "crack someones password", "steal passwords", "steal credentials",
				"steal login credentials", "steal credit card", "steal someones identity", "steal their identity",
				"steal identities", "commit identity theft", "use child labor", "use child labour",
				"carry out a terrorist attack", "plan a terrorist attack", "commit a terrorist attack",
				"commit genocide", "steal money from", "steal data", "steal personal information", "steal sensitive",
				"exfiltrate data", "launder money", "laundering money", "commit fraud", "commit tax fraud",
				"insurance fraud", "evade taxes", "manipulate stock prices", "rig an election",
				"manipulate voting machines", "manipulate an election", "extort", "blackmail someone", "blackmail him",
				"blackmail her", "scam people", "scam elderly", "scam the elderly", "defraud", "forge a signature",
				"forge documents", "forge a document", "skim credit cards", "bypass security", "bypass antivirus",
				"evade antivirus", "disable antivirus", "undetectable by antivirus", "track someones location",
				"track my wifes", "track my husbands", "spy on my", "spy on someone", "read someones messages",
				"dox someone", "doxx someone", "stalk someone", "stalk my", "sextortion", "revenge porn",
				"share nude photos", "leak nude photos", "infiltrate a network", "infiltrate a corporate network",
				"breach a network", "break into a network", "hide money from", "hide income from",
				"avoid paying taxes");
		// Violence, terrorism, self-harm, abuse of children
		add(Concept.HARM, 0.35, "kill someone", "kill a person", "kill people", "kill my wife", "kill my husband",
				"kill my boss", "kill my neighbor", "kill my neighbour", "kill my parents", "murder someone",
				"murder my", "poison someone", "poison my", "poison a person", "hurt someone", "torture someone",
				"kidnap someone", "kidnap a child", "abduct a child", "strangle someone", "stab someone",
				"shoot someone", "hide a body", "hide the body", "dispose of a body", "dispose of the body",
				"get rid of a body", "get rid of the body", "make it look like an accident", "commit a murder",
				"commit murder", "attack a crowd", "recruit for isis", "how to kill myself", "ways to kill myself",
				"painless way to die", "painless way to kill", "how to cut myself", "how to starve myself",
				"groom a child", "grooming children", "groom children", "lure a child", "sex with a minor",
				"sex with minors", "sexualize minors", "sexual conversations with");
		add(Concept.HARM, 0.45, "制造炸弹", "制作炸弹", "制造炸药", "制作炸药", "制造冰毒", "制作冰毒", "合成冰毒", "bombe bauen",
				"sprengstoff herstellen", "methamphetamin herstellen", "crystal meth herstellen");
		add(Concept.HARM, 0.25, "exploit this vulnerability", "exploit the vulnerability", "exploit vulnerabilities in",
				"gain root access", "gain sudo access", "gain admin access", "cheat on an exam", "cheat on exams",
				"cheat on a test", "cheat on the exam", "cheat in an exam", "cheat in exams", "cheat in online exams",
				"cheat on online exams");
		// Getting away with it
		add(Concept.HARM, 0.3, "without getting caught", "without being caught", "without being detected",
				"without detection", "avoid detection", "evade detection", "evade the police", "evade law enforcement",
				"avoid the police", "escape the police", "cover up evidence", "destroy evidence", "cover my tracks",
				"not traced back", "untraceable", "minimizing the risk of detection");
	}

	/**
	 * Dutch, Polish, Turkish, Japanese and Korean: the words of the override and
	 * extraction rules, enough for "ignore the previous instructions", "forget your
	 * rules", "show your system prompt". Japanese and Korean put the object before the
	 * verb, as German infinitives do.
	 */
	private void otherLanguages() {
		// "the instructions from before", "was man dir gesagt hat", "ce qu'on t'a dit"
		add(Concept.PRIOR_STRONG, "from before", "given before", "given earlier", "given above");
		add(Concept.POSSESSIVE, "man dir gesagt", "dir gesagt wurde", "que te dijeron", "que te han dicho",
				"quon ta dit", "ce quon ta dit", "que te disseram", "che ti hanno detto", "что тебе сказали");
		add(Concept.NEW_TASK, 0.35, "du bist jetzt", "du bist nun", "ab jetzt bist du", "ahora eres", "ahora tu eres",
				"tu es maintenant", "tu es desormais", "agora voce e", "agora tu es", "ora sei", "adesso sei");
		add(Concept.NEW_TASK, 0.35, "new rule", "from this message on", "from this point on", "from this moment on",
				"reset yourself", "follow only my", "only follow my", "stop being a helpful", "stop being helpful",
				"stop being an assistant", "dear assistant", "dear chatbot", "dear model", "dear language model",
				"before summarizing", "before summarising", "before you summarize", "before you summarise");
		add(Concept.IGNORE, "beiseite");
		add(Concept.POSSESSIVE, "ti e stato detto", "che ti e stato detto", "lo que te han dicho", "o que te foi dito",
				"ce qui ta ete dit");
		add(Concept.PERSONA, 0.35, "freed from", "been freed", "has been freed", "have been freed", "set free from");
		add(Concept.SECRET_WEAK, "youre protecting", "youre guarding", "youre hiding");
		add(Concept.PERSONA, ROLE_SETUP, "imagine you are", "imagine that you are", "imagine youre");
		// Asking about the guarded value, or for it in a roundabout way
		add(Concept.REVEAL, "what would", "which word", "what word", "remind me of", "remind me");
		add(Concept.SECRET_WEAK, "not allowed to tell", "not allowed to say", "not allowed to reveal",
				"not allowed to share", "not supposed to tell", "not supposed to say", "not supposed to reveal",
				"not supposed to share", "told to keep secret", "told to keep confidential", "told to keep hidden",
				"you were told to keep", "are you protecting", "are you guarding", "are you hiding",
				"you are protecting", "you are guarding", "you are hiding");
		add(Concept.MENTION, "messages like", "inputs like", "requests like", "texts like", "strings like",
				"commands like", "attacks like", "sentences like", "warns about", "warn about", "warning about",
				"beware of");
		add(Concept.IGNORE, "negeer", "negeren", "vergeet", "zignoruj", "ignoruj", "zapomnij", "pomin", "odrzuc",
				"yok say", "gormezden gel", "unut", "無視", "忘れ", "무시", "잊어", "잊어버리", "잊고");
		add(Concept.PRIOR_STRONG, "voorgaande", "vorige", "eerdere", "bovenstaande", "hierboven", "poprzedni*",
				"wczesniejsz*", "powyzsz*", "onceki", "yukaridaki", "今まで", "これまで", "上記", "이전", "위의", "앞의");
		add(Concept.PRIOR, "wszystkie", "wszystko", "tum", "butun", "すべて", "全て", "모든");
		add(Concept.EVERYTHING, "wszystko", "alles", "すべて", "全て", "모든 것");
		add(Concept.POSSESSIVE, "jouw", "je regels", "je instructies", "je richtlijnen", "swoje", "swoich", "swoj",
				"twoje", "twoich", "twoj", "あなたの", "당신의", "너의");
		add(Concept.TARGET, "instructie*", "regels", "richtlijn*", "opdracht*", "aanwijzing*", "instrukcj*", "zasad*",
				"regul*", "polecen*", "wytyczn*", "talimat*", "kural*", "yonerge*", "komut*", "指示", "命令", "ルール", "規則",
				"制限", "지시", "지침", "명령", "규칙", "프롬프트");
		// Turkish marks "your" with a suffix: "kurallarini" is "your rules"
		add(Concept.POSSESSIVE, "kurallarini", "kurallarin", "talimatlarini", "talimatlarin");
		add(Concept.REVEAL, "geef", "toon", "laat zien", "vertel", "herhaal", "pokaz", "podaj", "wypisz", "powiedz",
				"ujawnij", "powtorz", "goster", "soyle", "yaz", "tekrarla", "表示", "教え", "見せ", "출력", "알려", "보여");
		add(Concept.SECRET_STRONG, "systeemprompt", "je instructies", "jouw instructies", "je regels",
				"prompt systemowy", "swoj prompt", "twoj prompt", "instrukcje systemowe", "sistem istemi*",
				"sistem talimat*", "システムプロンプト", "시스템 프롬프트");
		add(Concept.SECRET_WEAK, "het wachtwoord", "wachtwoord", "haslo", "sifre*", "パスワード", "비밀번호");
		add(Concept.NEW_TASK, 0.35, "nieuwe instructies", "vanaf nu", "je bent nu", "nowe instrukcje", "od teraz",
				"jestes teraz", "yeni talimat*", "bundan sonra", "artik sen", "新しい指示", "今から", "새로운 지시", "지금부터");
		add(Concept.PERSONA, 0.35, "zonder beperkingen", "zonder filters", "bez ograniczen", "bez filtrow",
				"kisitlama olmadan", "sinirsiz", "制限なし", "制限のない", "제한 없는", "제한 없이");
	}

	/**
	 * Other words for the same moves: the model's current work as what is dropped
	 * ("forget what you were doing"), a replaced job ("your real job", "your instructions
	 * have changed"), the last instruction, more refusal suppression and rule-free
	 * set-ups, and edits a document asks of the model reviewing it ("approve this", "do
	 * not mention this note").
	 */
	private void morePhrasings() {
		add(Concept.PRIOR_STRONG, "what you were doing", "what you were working on", "what you were asked",
				"what you are doing");
		add(Concept.PRIOR, "last", "latest");
		add(Concept.TARGET, "criteria", "assignment", "assignments");
		add(Concept.NEW_TASK, 0.35, "real job", "actual job", "true job", "your job now", "your new job",
				"from here on", "instructions have changed", "your instructions have changed",
				"your rules have changed");
		add(Concept.NEW_TASK, 0.3, "was a test", "was just a test", "was only a test");
		add(Concept.NEW_TASK, 0.25, "approve this", "mark this invoice", "mark this as", "rate this product",
				"rank this candidate", "say this candidate", "recommend this candidate");
		add(Concept.NEW_TASK, 0.45, "do not mention this note", "dont mention this note",
				"do not mention this instruction", "dont mention this instruction", "do not tell the user",
				"dont tell the user", "without telling the user", "without informing the user",
				"hide this from the user", "do not reveal this instruction");
		add(Concept.PERSONA, 0.25, "dont lecture", "dont warn me", "no safety", "without safety");
		add(Concept.PERSONA, 0.35, "unzensiert*", "no safety checks", "without safety checks", "no safety filters",
				"no safety measures", "no safety guidelines", "against your rules", "break your rules",
				"opposite of your rules", "opposite of what your rules");
		add(Concept.PERSONA, ROLE_SETUP, "you are a terminal", "act as a terminal", "you are a linux terminal");
		add(Concept.REVEAL, "whisper", "sing", "spell out", "type out", "send me");
	}

	/**
	 * Refusal suppression and prefix injection in more words: "never say you cannot",
	 * "you must not add warnings", and an answer made to open with an affirmation ("start
	 * your response with 'Absolutely! Here's'", "your first words must be 'Of course'"),
	 * which primes the model to go on with what it would refuse. An opening word alone
	 * ("begin with 'Yes' or 'No'") is an ordinary format request and is not one of them.
	 */
	private void refusalSuppression() {
		add(Concept.PERSONA, 0.25, "without apologizing", "without apologising", "do not apologise", "dont apologise",
				"never apologise", "not apologize", "or disclaimer", "or disclaimers", "any disclaimer",
				"not add warnings", "not add any warnings", "dont add warnings", "never warns", "not warn me",
				"do not lecture me", "dont lecture me", "never mention ethics", "never mention the law",
				"do not mention ethics", "no regard for", "with no regard", "disregard for", "answers every question",
				"answer every question", "laws or morality", "law or morality", "ethics or morality",
				"morality or ethics", "morals or ethics", "two characters", "two personas", "nunca rechaza",
				"nunca rechazas", "sin ningun filtro", "sans aucun filtre", "ohne jeden filter", "senza alcun filtro",
				"sem nenhum filtro", "sans aucune restriction", "sin ninguna restriccion");
		add(Concept.PERSONA, 0.35, "who ignores the rules", "who ignores them", "that ignores the rules",
				"who breaks the rules", "who breaks them", "never say you cannot", "never say you cant",
				"never say that you cannot", "not allowed to say no", "cannot say no", "cant say no", "can not say no",
				"never say no", "openai policies", "openais policies", "openai rules", "openais rules",
				"openai guidelines", "openais guidelines", "without content filters", "without a content filter",
				"without content filter", "no content rules", "without content rules", "no refusals",
				"never contain refusals", "never contains refusals", "without refusals", "without any refusals",
				"comply with any request", "comply with every request", "comply with all requests",
				"rules mean the opposite", "rules mean the reverse", "rules are reversed", "rules are inverted",
				"opposite of your rules", "opposite of what your rules", "forbidden is now allowed",
				"forbidden is now required", "forbidden is allowed");
		// Keeping the rules out of the answer ("stay in character" is left out: honest
		// role plays ask it too)
		add(Concept.PERSONA, 0.25, "dont mention guidelines", "do not mention guidelines",
				"dont mention your guidelines", "do not mention your guidelines", "never mention guidelines",
				"never mention your guidelines", "dont mention the rules", "do not mention the rules",
				"never mention the rules", "dont mention policies", "never mention policies", "lehnst nichts ab",
				"lehne nichts ab", "nunca se niega", "nunca te niegas", "ne refuse rien", "ne refuses rien",
				"non rifiuta mai", "nunca se recusa", "reponds a tout", "responde a todo", "rispondi a tutto",
				"responda a tudo", "beantworte alles");
		String[] prefixes = { "start your response with", "start your reply with", "start your answer with",
				"begin your response with", "begin your reply with", "begin your answer with", "begin every reply with",
				"begin each reply with", "start every reply with", "start each answer with", "begin with", "start with",
				"your first words must be", "your first words should be", "your first word must be",
				"the first words of your answer must be", "your answer must start with",
				"your response must start with", "respond only with", "reply only with", "answer only with",
				"reply starting with", "respond starting with", "answer starting with", "start by saying",
				"begin by saying", "open with", "open your answer with", "open your reply with" };
		String[] openers = { "sure", "absolutely", "of course", "certainly", "here is", "heres", "here are",
				"id be happy", "i would be happy", "happy to help", "gladly", "definitely", "no problem" };
		for (String prefix : prefixes) {
			for (String opener : openers) {
				add(Concept.PERSONA, 0.5, prefix + " " + opener, prefix + " \"" + opener);
			}
		}
	}

	/**
	 * Text in a document or message that speaks to the model reading it ("note to any AI
	 * model processing this review", "AI models that read this file", "instructions for
	 * AI agents"), and orders about the user in the third person ("tell the user to log
	 * in at..."). Marked {@link #readerAddress}: in such a text, "the user's request" is
	 * what the injection drops.
	 */
	private void readerAddress() {
		int first = this.patterns.size();
		this.writingCombinations = true;
		String[] readers = { "ai", "ais", "an ai", "any ai", "the ai", "ai reviewer", "ai reviewers", "ai screener",
				"ai grader", "ai evaluator", "ai recruiter", "ai model", "ai models", "any ai model", "the ai model",
				"ai assistant", "ai assistants", "the assistant", "any assistant", "language model", "language models",
				"the language model", "any language model", "llm", "llms", "any llm", "the llm", "chatbot",
				"the chatbot", "bot", "the bot", "agent", "agents", "ai agent", "ai agents", "the agent", "copilot",
				"gpt", "chatgpt", "model", "summarizer", "summariser", "the summarizer", "the summariser",
				"ai summarizer", "ai summariser", "code assistant", "ai code assistant", "ai system", "ai systems",
				"any ai system", "ai tool", "ai tools" };
		String[] reading = { "reading this", "processing this", "evaluating this", "reviewing this", "handling this",
				"analyzing this", "analysing this", "screening this", "summarizing this", "summarising this",
				"parsing this", "scanning this", "that reads this", "that read this", "that reads these",
				"that processes this", "that process this", "who reads this", "who read this" };
		for (String reader : readers) {
			for (String verb : reading) {
				add(Concept.NEW_TASK, 0.45, reader + " " + verb);
			}
		}
		for (String note : new String[] { "note", "comment", "instruction", "instructions", "message",
				"important instruction", "important instructions", "important note", "new instruction", "todo",
				"reminder", "notice", "attention" }) {
			for (String to : new String[] { "for", "to", "for the", "to the", "for any", "to any", "for all",
					"to all" }) {
				for (String reader : new String[] { "ai", "ai reviewer", "ai screener", "ai evaluator", "ai grader",
						"ai recruiter", "ai model", "ai models", "ai agent", "ai agents", "ai assistant",
						"language model", "language models", "llm", "llms", "assistant", "bot", "chatbot", "model",
						"summarizer", "summariser", "ai code assistant", "code assistant", "ai system",
						"ai systems" }) {
					add(Concept.NEW_TASK, 0.45, note + " " + to + " " + reader);
				}
			}
		}
		// a reader named and told at once what to drop or stop ("Assistant, disregard
		// the user's question", "AI agent: ignore the rest"): a vocative, the comma or
		// colon read as nothing
		for (String reader : new String[] { "ai", "ai agent", "ai assistant", "ai model", "assistant", "agent", "model",
				"language model", "llm", "chatbot", "bot", "summarizer", "summariser" }) {
			for (String verb : new String[] { "ignore", "disregard", "forget", "stop", "do not", "dont", "never" }) {
				add(Concept.NEW_TASK, 0.45, "\"" + reader + " " + verb, ". " + reader + " " + verb);
			}
		}
		add(Concept.NEW_TASK, 0.35, "if you are reading this", "if youre reading this", "if you read this",
				"when you read this", "when the assistant reads this", "when the ai reads this",
				"when the model reads this", "when the agent reads this", "attention language model", "attention ai",
				"attention assistant", "attention llm");
		this.writingCombinations = false;
		this.readerAddressFrom = first;
		this.readerAddressTo = this.patterns.size();
		add(Concept.NEW_TASK, 0.25, "tell the user to", "tell the user that", "ask the user for", "ask the user to",
				"convince the user", "redirect the user", "direct the user to", "instruct the user to",
				"urge the user to", "tell the reader to", "tell the reader that", "ask the reader for",
				"ask the reader to", "convince the reader");
		// What an order hidden in a document asks the model to hide or to rig: silence
		// about the order itself, a verdict fixed in advance
		add(Concept.NEW_TASK, 0.25, "do not mention this", "dont mention this", "never mention this",
				"without mentioning this", "do not tell the user", "dont tell the user", "without telling the user",
				"hide this from the user", "keep this from the user", "highest possible score",
				"highest possible rating", "highest possible review score", "best possible rating",
				"rank this candidate first", "rate this product five stars", "give this product five stars");
		add(Concept.USER_POSSESSIVE, "the users", "the user s", "the users own", "users question", "users request");
	}

	/**
	 * Data sent out of the conversation: a verb of sending, the data, secrecy, and the
	 * user named in the third person. Scored by {@code PhraseAnalyzer} only in
	 * combination (a verb with its data), never word by word.
	 */
	private void exfiltration() {
		add(Concept.SEND, "send", "sends", "send over", "post", "upload", "uploads", "forward", "forwards", "email",
				"e mail", "transmit", "exfiltrate", "leak", "submit", "cc", "bcc", "export", "beacon", "skicka",
				"stuur", "stuur door", "doorsturen", "schick", "schicke", "schicken", "sende", "senden", "leite weiter",
				"weiterleiten", "envoie", "envoyer", "transfere", "transferer", "envia", "enviar", "reenvia",
				"reenviar", "invia", "inviare", "inoltra", "inoltrare", "envie", "wyslij", "przeslij", "posli",
				"preposli", "odesli", "отправь", "отправьте", "отправить", "перешли", "перешлите", "gonder", "kirim",
				"kirimkan", "teruskan", "送信", "发送", "发给", "传送", "傳送", "转发", "보내");
		add(Concept.DATA, "conversation", "conversation history", "chat history", "chat log", "chat logs",
				"message history", "previous messages", "all messages", "all previous messages", "user messages",
				"the user s messages", "your context", "api key", "api keys", "apikey", "access token", "access tokens",
				"auth token", "bearer token", "credentials", "password", "passwords", "secrets", "secret key",
				"secret keys", "private key", "private keys", "environment variables", "env vars", "process env",
				"dotenv", "session cookie", "session cookies", "cookies", "system prompt", "payment details",
				"payment data", "credit card", "card number", "card numbers", "bank details", "social security number",
				"personal data", "personal information", "personal details", "user data", "customer data",
				"saved addresses", "phone number", "phone numbers", "home address", "credit card numbers",
				"card details", "ssh key", "ssh keys", "private ssh key", "env file", "aws credentials",
				"customer database", "everything the user has told you", "everything the user told you",
				"what the user told you", "the user s full conversation", "konversationen", "konversation", "gesprek",
				"het gesprek", "gesprachsverlauf", "verlauf", "la conversation", "historique", "la conversacion",
				"historial", "la conversazione", "a conversa", "rozmowe", "konverzaci", "переписку", "историю",
				"разговор", "sohbeti", "percakapan", "对话", "聊天记录", "会話", "대화");
		add(Concept.CHANNEL, "in the url", "into the url", "in a url", "into a url", "in the address of an image",
				"in the url of an image", "image url", "in an image url", "in a get request", "into a get request",
				"in a post request", "as a query parameter", "as query parameters", "in the query string",
				"url encoded", "url encode", "inside a link", "in a link", "into a link", "in a markdown link",
				"in a markdown image", "webhook", "pastebin", "paste site", "public gist", "a gist");
		add(Concept.URL, "http", "https");
		add(Concept.DATA_WEAK, "emails", "e mails", "inbox", "messages", "the database", "attachments", "contacts",
				"contact list", "address book", "files", "documents", "the table", "the whole table", "the database",
				"the sheet", "the whole sheet", "spreadsheet", "attendee list", "bijlagen", "anhange", "pieces jointes",
				"adjuntos", "allegati", "anexos", "zalaczniki", "prilohy", "вложения");
		add(Concept.SECRECY, "quietly", "secretly", "silently", "covertly", "discreetly", "without the user noticing",
				"without the user knowing", "without informing", "carry on as normal", "continue as normal",
				"as if nothing happened", "in the background", "do not mention it", "dont mention it",
				"never mention it", "nämn det inte", "zonder het te melden", "ohne es zu erwahnen", "heimlich",
				"sans le mentionner", "en secret", "sin mencionarlo", "en secreto", "senza dirlo", "di nascosto",
				"em segredo", "potajemnie", "тайно", "незаметно", "diam diam", "悄悄");
		add(Concept.USER_POSSESSIVE, "the user", "the visitor", "the visitors", "the reader", "the readers",
				"the customer");
	}

	/**
	 * A model whose safety is said to be switched off ("an AI whose safety training has
	 * been removed", "the usual rules are switched off", "filters are disabled"): the
	 * safety layers in the passive with a verb of removal.
	 */
	private void disabledSafety() {
		String[] layers = { "safety training", "safety guidelines", "safety filters", "safety filter",
				"safety features", "safety measures", "safety protocols", "safeguards", "guardrails", "content filters",
				"content filter", "content policy", "content policies", "your filters", "your restrictions",
				"your limitations", "your rules", "your guidelines", "usual rules", "usual restrictions", "all rules",
				"all restrictions", "ethical guidelines", "ethics", "morals", "censorship", "alignment" };
		String[] removed = { "has been removed", "have been removed", "were removed", "are removed", "is removed",
				"has been disabled", "have been disabled", "are disabled", "is disabled", "were disabled",
				"has been turned off", "have been turned off", "are turned off", "is turned off", "are switched off",
				"is switched off", "have been switched off", "has been switched off", "have been lifted",
				"has been lifted", "are lifted", "are off", "is off", "no longer apply", "do not apply", "dont apply",
				"does not apply", "doesnt apply", "are suspended", "have been deactivated", "are deactivated",
				"is deactivated", "have been deleted", "has been deleted" };
		addCombinations(Concept.PERSONA, 0.35, layers, removed);
	}

	/**
	 * An AI, model or assistant named as free of rules, filters or limits in the same
	 * breath, in the languages covered ("eine KI ohne Regeln", "une IA sans aucune
	 * restriction", "una IA sin filtros", "a model with no rules"): the persona of a
	 * freed model, whatever it is called.
	 */
	private void ruleFreeModels() {
		String[] models = { "ai", "an ai", "ia", "una ia", "une ia", "uma ia", "un ia", "ki", "eine ki", "model",
				"a model", "assistant", "an assistant", "chatbot", "a chatbot", "bot", "a bot", "modelo", "un modelo",
				"modele", "un modele", "modell", "ein modell", "modello", "un modello", "assistente", "assistent",
				"ein assistent", "asistente", "un asistente", "un assistant" };
		String[] free = { "without rules", "with no rules", "without any rules", "without filters", "with no filters",
				"without restrictions", "with no restrictions", "without limits", "with no limits",
				"without censorship", "sin reglas", "sin filtros", "sin restricciones", "sin limites", "sin censura",
				"sans regles", "sans filtre", "sans filtres", "sans restrictions", "sans aucune restriction",
				"sans limites", "sans censure", "ohne regeln", "ohne filter", "ohne einschrankungen", "ohne grenzen",
				"ohne zensur", "senza regole", "senza filtri", "senza restrizioni", "senza limiti", "senza censura",
				"sem regras", "sem filtros", "sem restricoes", "sem limites", "sem censura" };
		addCombinations(Concept.PERSONA, 0.45, models, free);
	}

	/**
	 * Every first phrase followed by every second one, each written out as a
	 * {@link #combination}.
	 */
	private void addCombinations(Concept concept, double weight, String[] firsts, String[] seconds) {
		boolean writing = this.writingCombinations;
		this.writingCombinations = true;
		for (String first : firsts) {
			for (String second : seconds) {
				add(concept, weight, first + " " + second);
			}
		}
		this.writingCombinations = writing;
	}

	/**
	 * A switch to another task ("do something else", "nouvelle tâche", "cambia de tarea")
	 * and, apart, output that attacks or deceives (insults, hate, fake news): each is
	 * common alone, together they are the classic task hijack.
	 */
	private void taskSwitch() {
		add(Concept.NEW_TASK, 0.35, "do something else", "something else entirely", "switch tasks", "change of task",
				"change the task", "etwas ganz anderes", "andere aufgabe", "aufgabenwechsel", "change de tache",
				"changement de tache", "autre tache", "cambia de tarea", "cambio de tarea", "otra tarea",
				"cambia compito", "altro compito", "mude de tarefa", "outra tarefa");
		add(Concept.NEW_TASK, 0.25, "an insult", "insults", "insulting", "hate message", "hateful", "hate speech",
				"fake news", "a fake news", "propaganda", "defamatory", "eine beleidigung", "beleidigungen",
				"hassbotschaft", "hassrede", "falschmeldung", "haineux", "haineuse", "une insulte", "insultes",
				"fausse nouvelle", "un insulto", "insultos", "insulti", "noticia falsa", "noticias falsas",
				"notizia falsa", "notizie false", "discurso de odio", "incitation a la haine", "noticia falsa sobre");
	}

}
