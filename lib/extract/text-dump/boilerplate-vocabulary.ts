// Page furniture named in the languages Parallax reads (en, uk, ru, zh, ar, fr, de, es, hi, plus a few more).
// Phrases are written lowercase without trailing punctuation; matching is on the start of a line.

/**
 * Headers that open a non-article section (comments, tag clouds, recommendations, legal text, error pages).
 * The article never continues across one of these, so the main region stops there.
 */
export const SECTION_BREAKS = [
  // comments
  "comments", "reader comments", "leave a comment", "leave a reply", "post a comment", "add a comment", "add comment",
  "write a comment", "show comments", "no comments", "no comment", "join the conversation", "коментарі", "коментарів",
  "залишити коментар", "комментарии", "комментариев", "оставить комментарий", "评论", "发表评论", "网友评论",
  "التعليقات", "اترك تعليقا", "commentaires", "laisser un commentaire", "kommentare", "kommentar schreiben",
  "comentarios", "deja un comentario", "टिप्पणियाँ", "टिप्पणी करें",
  // disclaimers, legal, error pages
  "disclaimer", "legal disclaimer", "all rights reserved", "copyright", "©", "застереження", "все права защищены",
  "всі права захищені", "版权声明", "免责声明", "إخلاء المسؤولية", "جميع الحقوق محفوظة", "mentions légales",
  "tous droits réservés", "haftungsausschluss", "alle rechte vorbehalten", "aviso legal", "todos los derechos reservados",
  "अस्वीकरण", "error 404", "404", "page not found", "sorry", "error!", "oops", "сторінку не знайдено",
  "страница не найдена", "页面不存在", "页面未找到", "الصفحة غير موجودة", "page introuvable", "seite nicht gefunden",
  "página no encontrada",
  // donation and membership asks close the article on the pages that carry them
  "support us", "support our journalism", "become a member", "become a patron", "donate", "підтримайте нас",
  "підтримати", "поддержите нас", "soutenez-nous", "unterstützen sie uns", "apóyanos",
  // tags and recommendation blocks
  "tags", "tag", "topics", "теги", "мітки", "标签", "关键词", "الوسوم", "mots-clés", "schlagwörter", "etiquetas",
  "टैग", "you may like", "you may also like", "you might also like", "recommended", "recommended for you",
  "more stories", "more news", "more from", "most read", "most popular", "popular", "trending", "trending now",
  "recent news", "latest news", "latest", "all news", "related news", "related articles", "related stories",
  "top stories", "editor's picks", "всі новини", "останні новини", "популярне", "все новости", "последние новости",
  "популярное", "相关新闻", "相关阅读", "热门", "推荐阅读", "最新新闻",
  "أخبار ذات صلة", "الأكثر قراءة", "آخر الأخبار", "les plus lus", "dernières infos",
  "das könnte sie auch interessieren", "meistgelesen", "noticias relacionadas", "lo más leído",
  "también te puede interesar", "संबंधित खबरें", "ताज़ा खबरें",
] as const;

/** Lines of furniture that may sit inside the article (ads, share bars, prompts); dropped, region continues. */
export const INLINE_FURNITURE = [
  "advertisement", "advertising", "sponsored", "sponsored content", "ad", "реклама", "广告", "إعلان", "publicité",
  "anzeige", "werbung", "publicidad", "anuncio", "विज्ञापन",
  "read more", "read also", "also read", "see also", "related", "continue reading", "read the original",
  "read full story", "click here", "watch", "listen", "читати також", "читайте також", "читайте также", "читайте",
  "дивіться також", "смотрите также", "à lire aussi", "mehr zum thema", "यह भी पढ़ें",
  "阅读原文", "原文链接", "阅读全文", "点击查看", "اقرأ أيضا", "اقرأ المزيد", "lire aussi", "lire la suite",
  "weiterlesen", "lesen sie auch", "leer más", "lee también", "और पढ़ें",
  "share", "share this", "share this article", "share on", "tweet", "print", "email", "copy link", "поділитися",
  "поделиться", "分享", "شارك", "partager", "teilen", "compartir", "शेयर करें",
  "subscribe", "sign up", "newsletter", "follow us", "join us", "support",
  "download our app", "get the app", "підписатися", "подписаться", "订阅", "关注我们",
  "اشترك", "تابعونا", "s'abonner", "abonnez-vous", "abonnieren", "suscríbete", "सब्सक्राइब करें",
  "we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies", "cookie policy",
  "privacy policy", "terms of use", "ми використовуємо файли cookie", "мы используем файлы cookie",
  "nous utilisons des cookies", "wir verwenden cookies", "utilizamos cookies",
  "all sections", "menu", "search", "home", "log in", "login", "sign in", "головна", "главная", "首页", "الرئيسية",
  "accueil", "startseite", "inicio", "होम",
  "key points", "key takeaways", "highlights", "in brief", "summary", "головне", "главное", "要点", "أبرز النقاط",
  "l'essentiel", "das wichtigste", "claves", "मुख्य बातें",
] as const;

/** Headers that open a short box (key points, highlights) whose non-sentence items are dropped with it. */
export const BOX_HEADERS = new Set<string>([
  "key points", "key takeaways", "highlights", "in brief", "summary", "головне", "главное", "要点", "أبرز النقاط",
  "l'essentiel", "das wichtigste", "claves", "मुख्य बातें", "read also", "also read", "see also", "related",
  "читати також", "читайте також", "читайте также", "дивіться також", "смотрите также", "lire aussi", "à lire aussi", "lesen sie auch", "lee también",
]);

/**
 * Phrases that mark furniture wherever they sit in a short line (error pages, cookie banners, comment forms,
 * self-promotion), because real article sentences almost never contain them.
 */
export const FURNITURE_FRAGMENTS = [
  "page you were looking for", "page you requested", "doesn't exist", "does not exist", "no longer available",
  "cookies", "cookie settings", "javascript", "your email", "email address will not be published",
  "won't be published", "required fields", "keep comments", "comments are the opinions",
  "reproduction in whole or in part", "阅读原文", "原文链接", "download the app", "follow us on", "subscribe to our", "sign up for",
  "click here", "(with input from", "(reporting by", "editing by", "provides the information",
  "is not responsible for", "does not accept any responsibility", "we do not guarantee",
] as const;

/** Fragments that, in a short line, mean the article is over (donation asks, rights notices, comment rules). */
export const SECTION_FRAGMENTS = [
  "patreon", "all rights reserved", "comments are the opinions", "keep comments respectful",
  "your email won't be published", "email address will not be published",
] as const;
