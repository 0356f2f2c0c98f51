package io.uxprobe.probes.errors;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in error signatures: messages real services show when they break. Ids are metric labels, so they are
 * fixed here and never change. Order matters: the first match read as a message wins, so specific pages (a CDN's, a
 * framework's) come before the generic banners they also contain. A catalog entry may name a product; whether a match
 * is a message is decided by the {@link Reading} rules, from the page's structure, never here.
 *
 * <p>Regexes are written in lower case and run on folded text (one space for any whitespace, ASCII quotes and
 * dashes), with Unicode word boundaries. Gaps are bounded ({@code .{0,120}?}) and no quantifier is nested, so each
 * runs in linear time. Scripts written without spaces (Japanese, Chinese, Korean runs) use no {@code \b}.
 */
public final class Catalog {

    /** A JSON error field ({@code error}, {@code message} next to {@code "status":"error"}, …) that no signature names. */
    public static final String JSON_ERROR = "json_error";

    /** An XML error field (a SOAP fault's faultstring, the message of S3's {@code <Error>}) that no signature names. */
    public static final String XML_ERROR = "xml_error";

    /** A GraphQL {@code errors[]} entry that no signature names. */
    public static final String GRAPHQL_ERROR = "graphql_error";

    /** A failure phrase inside an alert, toast or banner that no other signature names. */
    public static final String ALERT_ERROR = "alert_error";

    /** Ids whose wording is a product's own error page (a CDN's, a proxy's, a framework's), not a phrase anyone writes. */
    private static final Set<String> PRODUCT_PAGES = Set.of(
            "framework_error_page", "stack_trace", "database_error", "cdn_error", "access_denied", "upstream_error", "application_error");

    // Google's front ends: "502. That's an error." in the user's language
    private static final String THATS_AN_ERROR = "(?:that's an error|das ist ein fehler|c'est une erreur|se trata de un error"
            + "|si è verificato un errore|isso é um erro|dat is een fout|to błąd|det är ett fel|bu bir hata)\\b";

    private static final List<Entry> BUILT_IN = List.of(
            // Spring Boot, ASP.NET, Tomcat, Express, Django and Rails debug pages.
            text("framework_error_page", "Whitelabel Error Page"),
            regex("framework_error_page", "\\bsinatra doesn't know this ditty\\b|\\blotus notes exception\\b"),
            regex("framework_error_page", "\\bserver error in '[^']{1,200}' application\\b"),
            // Express's whole page is "Cannot GET /path" under the title "Error": anchored, so prose never matches.
            regex("framework_error_page", "^(?:error )?cannot (?:get|post|put|patch|delete|head|options) /[^ ]*$"),
            regex("framework_error_page", "\\ban application error occurred on the server\\b"),
            regex("framework_error_page", "\\b[a-z]{2,60}(?:error|exception) at /[^ ]{0,200}"),
            text("framework_error_page", "You're seeing this error because you have DEBUG = True"),
            text("framework_error_page", "Action Controller: Exception caught"),
            text("framework_error_page", "An unhandled exception occurred while processing the request"),
            regex("framework_error_page", "\\bfrom rfc 2068 hypertext transfer protocol\\b"), // WebLogic's error pages quote the RFC
            regex("framework_error_page", "\\bhttp error 5\\d\\d\\.\\d{1,2}\\b|\\basp\\.net core app failed to start\\b"), // IIS and ANCM sub-statuses
            regex("framework_error_page", "\\biis (?:\\d+(?:\\.\\d+)? )?detailed error\\b"),

            // Exception dumps: Python, Java, PHP, Go, .NET.
            text("stack_trace", "Traceback (most recent call last)"),
            regex("stack_trace", "\\bat (?:[a-z_$][a-z0-9_$]*\\.){2,}[a-z0-9_$<>]+\\([a-z0-9_$]+\\.(?:java|kt|scala|groovy):\\d+\\)"),
            regex("stack_trace", "\\bexception in thread \""),
            regex("stack_trace", "\\b(?:php )?(?:fatal|parse) error: .{1,300}? on line \\d+"),
            regex("stack_trace", "\\bfatal error: uncaught "),
            regex("stack_trace", "\\bgoroutine \\d+ \\[running\\]:"),
            regex("stack_trace", "\\bunhandled exception\\b.{0,200}?\\bat [a-z_][a-z0-9_.]{2,200}\\("),
            regex("stack_trace", "\\bat [^ ()]{1,200} \\((?:/|[a-z]:\\\\|node:|file://)[^)]{1,300}:\\d+:\\d+\\)"),
            regex("stack_trace", "\\bat [a-z_][a-z0-9_.`<>\\[\\]]{2,300}\\([^)]{0,300}\\) in [^ ]{1,300}:line \\d+"),
            regex("stack_trace", "\\bfile \"[^\"]{1,300}\", line \\d+, in "),
            regex("stack_trace", "\\.rb:\\d+:in [`']"),

            text("database_error", "Error establishing a database connection"),
            regex("database_error", "\\bsqlstate\\[[0-9a-z]{5}\\]"),
            regex("database_error", "\\b(?:could not|couldn't|unable to|cannot|can't|failed to) connect to (?:the )?"
                    + "(?:database|mysql|postgres|postgresql|mongodb|redis)\\b"),
            regex("database_error", "\\blost connection to (?:the )?(?:mysql|postgres|postgresql|database|db) server\\b"),
            regex("database_error", "\\btoo many connections\\b|\\berror connecting to (?:the )?database\\b|\\bdatabase error\\b"),

            // WAF and CDN block pages: Cloudflare, Akamai, Imperva, Sucuri, F5, AWS and Azure WAFs.
            text("access_denied", "Sorry, you have been blocked"),
            regex("access_denied", "\\berror 10(?:06|07|08|09|10|12|20)\\b"),
            regex("access_denied", "\\bincapsula incident id\\b"),
            regex("access_denied", "\\brequest unsuccessful\\. incapsula\\b"),
            regex("access_denied", "\\bsucuri website firewall\\b.{0,80}?\\baccess denied\\b|\\baccess denied\\b.{0,80}?\\bsucuri website firewall\\b"),
            text("access_denied", "The requested URL was rejected. Please consult with your administrator"),
            regex("access_denied", "\\bthe request is blocked\\b"),
            regex("access_denied", "\\brequest blocked\\b"),
            regex("access_denied", "\\baccess (?:to this (?:page|site|resource) (?:has been|is) )?denied\\b"),
            regex("access_denied", "\\byou (?:have been|are|were) blocked\\b"),
            regex("access_denied", "\\byou don't have permission to access\\b"),
            regex("access_denied", "\\b403 forbidden\\b"),
            regex("access_denied", "\\bweb page blocked\\b|\\b(?:this |the )?(?:page|site|website|request|url) (?:has been|is|was) blocked\\b"),
            // "access denied" in the other languages
            regex("access_denied", "\\bzugriff verweigert\\b|\\baccès (?:refusé|interdit)\\b|\\bacceso (?:denegado|negato)\\b|\\bacesso negado\\b"
                    + "|\\btoegang geweigerd\\b|\\bodmowa dostępu\\b|\\båtkomst nekad\\b|\\berişim (?:engellendi|reddedildi)\\b"
                    + "|アクセスが拒否されました|접근이 거부|액세스가 거부|(?:访问|訪問|存取)被拒绝|拒絕存取|拒绝访问"),
            regex("access_denied", "\\b(?:this error was )?generated by mod_?security\\b"),

            // Cloudflare, CloudFront, Akamai, Varnish, Fastly, Azure Front Door: the edge's own pages.
            regex("rate_limited", "\\berror 1015\\b"),
            regex("cdn_error", "\\berror(?: code)?:? 5(?:2\\d|30)\\b"),
            regex("cdn_error", "\\berror 1[01]\\d{2}\\b"), // Cloudflare's 1xxx
            text("cdn_error", "Web server is down"),
            text("cdn_error", "Web server is returning an unknown error"),
            text("cdn_error", "The request could not be satisfied"),
            regex("cdn_error", "\\breference #\\d{1,3}\\.[0-9a-f]{4,16}\\.\\d{6,12}\\.[0-9a-f]{4,16}\\b"),
            text("cdn_error", "Guru Meditation"),
            text("cdn_error", "Backend fetch failed"),
            regex("cdn_error", "\\bbackend is unhealthy\\b"),
            regex("cdn_error", "\\bfastly error: "),
            text("cdn_error", "Our services aren't available right now"),

            // Service meshes, gateways, load balancers and routers with no healthy backend behind them.
            text("upstream_error", "upstream connect error or disconnect/reset before headers"),
            text("upstream_error", "no healthy upstream"),
            text("upstream_error", "No server is available to handle this request"),
            regex("upstream_error", "^no available server$"),
            text("upstream_error", "Application is not available"),
            text("upstream_error", "An invalid response was received from the upstream server"),
            regex("upstream_error", "\\b(?:the )?(?:upstream|backend|back-end|origin)(?: server| service| application)? (?:did not|didn't|failed to) (?:return|send) a valid response\\b"),
            text("upstream_error", "failure to get a peer from the ring-balancer"),
            regex("upstream_error", "\\bback-?end server is at capacity\\b"),
            regex("upstream_error", "\\bthe requested url could not be retrieved\\b"), // Squid's

            // Hosting platforms: the app behind them crashed or is gone.
            regex("application_error", "\\bapplication error\\b"), // Heroku's page: the title over an iframe; Remix's
            // software that says it crashed, not a story about a crash ("your computer has crashed" in a game's blurb)
            regex("application_error", "\\b(?:application|app|server|service|process|worker|function|page|tab|site|program|instance|container|plugin|extension|player) "
                    + "(?:has|have) crashed(?: unexpectedly)?\\b|\\bcrashed unexpectedly\\b"),
            text("application_error", "An error occurred in the application and your page could not be served"),
            text("application_error", "We're sorry, but something went wrong"),
            regex("application_error", "\\bapplication error: a (?:client|server)-side exception has occurred\\b"),
            regex("application_error", "\\bthere has been a critical error on (?:this|your) website\\b"),
            regex("application_error", "\\bthis (?:serverless |edge )?function has crashed\\b"),
            regex("application_error", "\\b(?:function_invocation_failed|edge_function_invocation_failed|no_responses_from_function|middleware_invocation_failed)\\b"),
            text("application_error", "The change you wanted was rejected"),
            regex("application_error", "\\buwsgi error\\b|\\bpython application not found\\b"),
            text("application_error", "If you are the application administrator, you can access the diagnostic resources"),

            regex("bad_gateway", "\\bbad[ _]gateway\\b"),
            regex("bad_gateway", "\\berror:? 502\\b"),
            regex("bad_gateway", "\\b502\\. " + THATS_AN_ERROR),
            text("bad_gateway", "The proxy server received an invalid response from an upstream server"),
            text("bad_gateway", "received an invalid response while acting as a gateway or proxy server"),

            regex("gateway_timeout", "\\bgateway[ _]?time-?out\\b|\\bfunction_invocation_timeout\\b"),
            regex("gateway_timeout", "\\berror:? 504\\b"),
            regex("gateway_timeout", "\\b504\\. " + THATS_AN_ERROR),
            text("gateway_timeout", "upstream request timeout"),
            text("gateway_timeout", "The proxy server did not receive a timely response from the upstream server"),

            regex("service_unavailable", "\\bservice[ _](?:is )?(?:temporarily |currently )?unavailable\\b"),
            regex("service_unavailable", "\\b(?:service|site|website|account|app|application|store|shop) (?:has been |is |was |is temporarily )?suspended\\b"),
            regex("service_unavailable", "\\berror:? 503\\b"),
            regex("service_unavailable", "\\b503\\. " + THATS_AN_ERROR),
            regex("service_unavailable", "\\b(?:web )?app (?:is|has been) stopped\\b"),
            regex("service_unavailable", "\\b(?:server|service|site|app|application|[a-z]+ server) is not ready yet\\b"),
            text("service_unavailable", "The server is temporarily unable to service your request"),
            regex("service_unavailable", "\\b(?:site|website|server|service|shop|store|app|application|platform|system) is "
                    + "(?:currently |temporarily )?(?:unavailable|down|offline|not available)\\b"),
            regex("service_unavailable", "\\b(?:dienst|service|server|website|webseite|seite|plattform) (?:ist )?(?:vorübergehend |derzeit |zurzeit |momentan )?nicht (?:verfügbar|erreichbar)\\b"),
            regex("service_unavailable", "\\bservice (?:temporairement |actuellement |momentanément )?(?:indisponible|non disponible)\\b"),
            regex("service_unavailable", "\\b(?:le )?(?:site|serveur) (?:est )?(?:temporairement |actuellement |momentanément )?indisponible\\b"),
            regex("service_unavailable", "\\b(?:servicio|sitio|servidor) (?:no (?:está )?disponible|temporalmente no disponible|no disponible temporalmente|fuera de servicio)\\b"),
            regex("service_unavailable", "\\b(?:servizio|sito|server) (?:temporaneamente |attualmente |momentaneamente )?(?:non disponibile|non raggiungibile|indisponibile)\\b"),
            regex("service_unavailable", "\\b(?:serviço|servico|site|servidor) (?:está )?(?:temporariamente |atualmente |momentaneamente )?(?:indisponível|indisponivel|fora do ar)\\b"),
            regex("service_unavailable", "\\b(?:dienst|service|website|site|server) (?:is )?(?:tijdelijk |momenteel )?niet (?:beschikbaar|bereikbaar)\\b"),
            regex("service_unavailable", "\\b(?:usługa|strona|serwis|serwer) (?:jest )?(?:tymczasowo |chwilowo |obecnie )?niedostępn[ya]\\b"),
            regex("service_unavailable", "\\b(?:tjänsten|webbplatsen|sidan|servern) (?:är )?(?:tillfälligt |för närvarande )?(?:inte tillgänglig|otillgänglig|nere)\\b"),
            regex("service_unavailable", "\\b(?:hizmet|servis|site|sunucu) (?:şu anda |geçici olarak |şu an )?(?:kullanılamıyor|kullanılamaz|verilemiyor|erişilemiyor)\\b"),
            regex("service_unavailable", "(?:サービス|サーバー|サーバ|サイト)(?:は|が|を)?(?:現在|一時的に|ただいま)?(?:ご利用いただけません|ご利用になれません|利用できません|停止しています|ご利用いただけない)"),
            regex("service_unavailable", "(?:서비스|서버)(?:를|가|는)? ?(?:일시적으로 |현재 |잠시 )?(?:이용할 수 없|사용할 수 없|중단되었|접속할 수 없)"),
            regex("service_unavailable", "(?:服务|服務|网站|網站|服务器|伺服器)(?:暂时|暫時|目前|当前|當前|暂|暫)?(?:不可用|无法使用|無法使用|无法访问|無法訪問|不可用)"),
            // "access is concentrated": how Japanese, Korean and Chinese sites say they are overloaded
            regex("service_unavailable", "アクセスが集中し|(?:ただいま|現在)?(?:大変)?混み合って(?:おり|います)|접속자가 (?:많아|폭주)|(?:服务器|伺服器)繁忙|(?:访问|訪問)(?:人数|人數|量)(?:过|過)(?:多|大)"),
            regex("service_unavailable", "\\b(?:this |the )?(?:page|site|website|service|story|article|content) is (?:temporarily|currently) (?:unavailable|not available)\\b"),
            regex("service_unavailable", "الخدمة غير متاحة|الخدمة غير متوفرة"),

            // Not bare "scheduled maintenance": healthy sites and status pages announce upcoming windows.
            regex("maintenance", "\\b(?:down|offline|closed|unavailable) for (?:some )?(?:scheduled |planned |routine |essential |emergency )?maintenance\\b"),
            regex("maintenance", "\\b(?:under|undergoing|performing|doing) (?:some )?(?:scheduled |planned |routine |essential |emergency )?maintenance\\b"),
            regex("maintenance", "\\bscheduled maintenance (?:is )?(?:in progress|underway)\\b"),
            regex("maintenance", "\\b(?:is |are |currently )?in maintenance mode\\b"),
            regex("maintenance", "\\bwe(?:'ll| will) be (?:back|up|online)(?: and running)?(?: online| up)? (?:soon|shortly)\\b"),
            regex("maintenance", "\\bwe(?:'ll| will) be right back\\b"),
            regex("maintenance", "\\b(?:wegen|aufgrund von) wartungsarbeiten\\b|\\bwir führen (?:gerade |derzeit |momentan )?wartungsarbeiten durch\\b|\\bwartungsmodus\\b|\\bwartungsarbeiten (?:im gange|laufen)\\b"),
            regex("maintenance", "\\b(?:en|pour|cours de) maintenance\\b|\\b(?:serons|sera|sommes) de retour (?:très )?(?:bientôt|rapidement|sous peu)\\b"),
            regex("maintenance", "\\b(?:en|bajo|por) mantenimiento\\b|\\bestamos (?:haciendo|realizando) (?:tareas de |labores de )?mantenimiento\\b"),
            regex("maintenance", "\\bin (?:corso di )?manutenzione\\b|\\bper manutenzione\\b"),
            regex("maintenance", "\\bem manuten[çc][ãa]o\\b|\\bpara manuten[çc][ãa]o\\b"),
            regex("maintenance", "\\b(?:wegens|vanwege|in) onderhoud\\b"),
            regex("maintenance", "\\bprzerwa techniczna\\b|\\btrwa(?:ją)? (?:przerwa|prace) (?:techniczna|techniczne|konserwacyjne)\\b"),
            regex("maintenance", "\\bunderhåll pågår\\b|\\bpå grund av underhåll\\b|\\bunder underhåll\\b"),
            regex("maintenance", "\\bbakımdayız\\b|\\bbakım çalışması (?:nedeniyle|yapılmaktadır|yapıyoruz)\\b|\\bbakım modunda\\b"),
            regex("maintenance", "(?:メンテナンス|保守)(?:中|作業中|を実施しております|を行っております|のため)"),
            regex("maintenance", "(?:서비스 |시스템 |정기 |긴급 )?점검 ?중|점검을 진행"),
            regex("maintenance", "(?:正在|正)(?:进行|進行)?(?:系统|系統)?(?:维护|維護)|(?:维护|維護)中|(?:系统|系統)(?:维护|維護)"),

            // Next.js, Laravel, Heroku-style and Google front ends saying "500".
            regex("internal_server_error", "\\binternal[ _](?:server[ _])?error\\b"),
            text("internal_server_error", "The server encountered an internal error"),
            regex("internal_server_error", "\\bthe server encountered an? (?:temporary |unexpected )?error\\b"),
            regex("internal_server_error", "\\bserver error \\(500\\)"),
            regex("internal_server_error", "\\b5\\d\\d \\| server error\\b"),
            regex("internal_server_error", "\\b500 error\\b"),
            regex("internal_server_error", "\\berror:? 500\\b"),
            regex("internal_server_error", "\\b500\\. " + THATS_AN_ERROR),

            regex("rate_limited", "\\btoo many requests\\b"),
            regex("rate_limited", "\\brate limit(?:ed| exceeded)\\b"),
            regex("rate_limited", "\\byou (?:are|have been) (?:being )?rate limited\\b"),
            regex("rate_limited", "\\b(?:too many times|too many attempts)\\b"),
            regex("rate_limited", "\\breduce your request rate\\b|\\brate exceeded\\b|\\b(?:request|requests) (?:was |were |has been |have been )?throttled\\b"),

            // Soft 404s: a content URL that answers 200 with "this page isn't available".
            regex("page_not_found", "\\b(?:page|file|resource|url|document|content) (?:was |is |has been )?not found\\b"),
            regex("page_not_found", "\\b(?:this|the|that|requested) page (?:you(?: are| were|'re) looking for |you requested )?"
                    + "(?:isn't|is not|was not|wasn't|does not|doesn't|could not|couldn't|can't|cannot|can not|no longer|may no longer|might not|may not|has been|might have been|may have been)"
                    + " (?:be )?(?:available|exist|exists|be found|found|removed|deleted|moved)\\b"),
            regex("page_not_found", "\\b(?:this|the|that) (?:page|content|post|link|account|profile) (?:isn't|is not|is no longer) available\\b"),
            regex("page_not_found", "\\b(?:couldn't|could not|can't|cannot) find (?:this|that|the) (?:account|page|user|profile|post|link)\\b"),
            regex("page_not_found", "\\bno route matched with those values\\b|\\b(?:route|endpoint|resource) not found\\b"),
            regex("page_not_found", "\\bwe (?:can't|cannot|could not|couldn't) find (?:that|the|this|the requested) (?:page|link|url|content|post)\\b"),
            regex("page_not_found", "\\bthe link you followed (?:may be|is|might be) broken\\b"),
            regex("page_not_found", "\\b(?:the )?(?:file|document|page) does not exist\\b"),
            regex("page_not_found", "\\bthere isn't a github pages site here\\b"),
            regex("page_not_found", "\\bnothing was found at this location\\b"),
            regex("page_not_found", "\\bdefault backend - 404\\b"),
            regex("page_not_found", "\\b404[: |-]{1,4}(?:page )?not found\\b|\\b404: not_found\\b|\\bdeployment_not_found\\b"),
            regex("page_not_found", "\\bseite (?:wurde )?nicht gefunden\\b|\\bpage (?:introuvable|non trouvée)\\b|\\bpágina no encontrada\\b|\\bpagina non trovata\\b|\\bpágina não encontrada\\b|\\bpagina niet gevonden\\b|\\bnie znaleziono strony\\b|\\bsidan (?:kunde inte hittas|hittades inte)\\b|\\bsayfa bulunamadı\\b"),
            // the same sentence as in English, "the page (you are looking for) does not exist (any more)", in the other languages
            regex("page_not_found", "\\b(?:cette |la )?page (?:que vous (?:recherchez|cherchez|demandez|avez demandée) |demandée )?"
                    + "(?:est )?(?:introuvable|n'existe (?:pas|plus)|n'est plus disponible)\\b"),
            regex("page_not_found", "\\bseite[^.!?]{0,40}? (?:existiert (?:leider )?nicht|gibt es (?:leider )?nicht|konnte nicht gefunden werden|ist nicht mehr verfügbar)\\b"),
            regex("page_not_found", "\\b(?:esta |la )?página (?:que (?:buscas|estás buscando|busca|está buscando|has solicitado) )?no (?:existe|está disponible|se (?:ha podido|pudo) encontrar)\\b"),
            regex("page_not_found", "\\b(?:questa |la )?pagina (?:che (?:stai cercando|cerchi|hai richiesto) |richiesta )?non (?:esiste|è (?:più )?disponibile|è stata trovata)\\b"),
            regex("page_not_found", "\\b(?:esta |essa |a )?página (?:que (?:você )?(?:procura|está procurando|procurou|solicitou) )?não (?:existe|está disponível|foi encontrada)\\b"),
            regex("page_not_found", "\\b(?:deze |de )?pagina (?:die je zoekt |die u zoekt )?(?:bestaat niet|kan niet (?:worden )?gevonden|is niet gevonden)\\b"),
            regex("page_not_found", "\\bstrona (?:nie istnieje|nie została znaleziona)\\b|\\bnie (?:możemy|można) znaleźć (?:tej |tej strony|strony)"),
            regex("page_not_found", "\\bsidan (?:finns inte|du söker finns inte)\\b|\\baradığınız sayfa (?:bulunamadı|mevcut değil)\\b"),
            // "we can't find this page", in the other languages
            regex("page_not_found", "\\bno (?:encontramos|hemos encontrado|podemos encontrar|pudimos encontrar) (?:esta|la) página\\b|\\bpágina (?:ya )?no exist[ae]\\b"
                    + "|\\bnous ne (?:trouvons|parvenons pas à trouver) pas (?:cette|la) page\\b|\\bimpossible de trouver (?:cette|la) page\\b"
                    + "|\\bwir (?:können|konnten) (?:diese|die) seite nicht finden\\b|\\bnon (?:riusciamo|siamo riusciti) a trovare (?:questa|la) pagina\\b"
                    + "|\\bnão (?:encontramos|conseguimos encontrar) (?:esta|a) página\\b|\\bwe (?:kunnen|konden) (?:deze|de) pagina niet vinden\\b"),
            regex("page_not_found", "ページ(?:が|は)?(?:見つかりません|表示できません|存在しません)|(?:ページ|url)は?[、,]?(?:削除|移動)された|페이지를 찾을 수 없|(?:页面|頁面|网页|網頁)(?:不存在|未找到|找不到)"),

            // Players: the title or track itself will not play.
            regex("cant_play", "\\b(?:can't|cannot|can not|couldn't|could not|unable to|are unable to|were unable to) (?:play|stream|start playing|start) "
                    + "(?:this|the|that|your) (?:title|video|track|song|episode|stream|media|content|playlist|audio|movie|show|item|broadcast)\\b"),
            regex("cant_play", "\\b(?:having|had|have) (?:a |some )?(?:problem|problems|trouble|difficulty|issues) (?:playing|streaming)\\b"),
            regex("cant_play", "\\b(?:this|the) (?:video|track|song|title|episode|media|stream|movie|show) "
                    + "(?:isn't|is not|is currently not|is currently unavailable|is unavailable|is no longer) ?(?:available|unavailable|playable)?\\b"),
            regex("cant_play", "\\bvideo unavailable\\b|\\bplayback (?:error|failed|is not available)\\b|\\berror (?:playing|during playback)\\b"),
            regex("cant_play", "\\b(?:can't|cannot|couldn't|could not|unable to) play\\b"),
            regex("cant_play", "\\b(?:kann|können|konnte)[^.!?]{0,40}? nicht abgespielt werden\\b|\\bwiedergabefehler\\b"),
            regex("cant_play", "\\bimpossible de (?:lire|lancer)\\b|\\bne peut pas être lue?\\b|\\berreur de lecture\\b"),
            regex("cant_play", "\\bno se (?:puede|pudo|ha podido) reproducir\\b|\\berror de reproducción\\b"),
            regex("cant_play", "\\b(?:impossibile|non è possibile|non è stato possibile) riprodurre\\b"),
            regex("cant_play", "\\b(?:não foi possível|nao foi possivel|impossível|não é possível) reproduzir\\b|\\berro (?:de|na) reprodução\\b"),
            regex("cant_play", "\\b(?:kan|kon) niet (?:worden )?afgespeeld\\b"),
            regex("cant_play", "\\bnie (?:udało się|można) odtworzyć\\b"),
            regex("cant_play", "\\b(?:kunde inte|går inte att) spela(?:s)? upp\\b"),
            regex("cant_play", "\\boynatılamıyor\\b|\\boynatılamadı\\b"),
            regex("cant_play", "再生(?:でき(?:ません|ない)|に失敗|エラー)|재생할 수 없|재생하지 못|재생 오류|(?:无法|無法|不能)播放|播放(?:失败|失敗|出错|出錯)"),

            regex("taking_too_long", "\\b(?:is|are) taking (?:too long|too much time|longer than (?:usual|expected)) to (?:load|respond|open|start|connect)\\b"),
            regex("taking_too_long", "\\btaking too long to (?:load|respond)\\b"),

            regex("timed_out", "\\b(?:the |your )?(?:[a-z]{3,20} )?(?:request|connection|operation|server|gateway|upstream|query|response|page|call) (?:has )?timed out\\b"),
            regex("timed_out", "\\btook too long to respond\\b|\\brequest time-?out\\b|\\btime-?out (?:occurred|occured|expired|exceeded)\\b"),

            regex("failed_to_load", "\\b(?:couldn't|could not|can't|cannot|unable to|failed to|we couldn't|we were unable to|were unable to) "
                    + "(?:load|fetch|retrieve|display)\\b"),
            regex("failed_to_load", "\\bhaving (?:some )?(?:trouble|problems|difficulty|issues) (?:loading|displaying|showing|getting)\\b"),
            regex("failed_to_load", "\\bthere (?:was|has been) (?:a problem|an error|an issue) (?:loading|fetching|connecting|displaying)\\b"),
            regex("failed_to_load", "\\berror (?:loading|fetching|retrieving)\\b|\\bloading failed\\b|\\bfailed to fetch\\b"),
            regex("failed_to_load", "\\b(?:konnte|konnten|kann|können) (?:nicht|leider nicht) (?:geladen|abgerufen|angezeigt) werden\\b|\\b(?:laden|abruf) fehlgeschlagen\\b|\\bfehler beim laden\\b"),
            regex("failed_to_load", "\\b(?:impossible de|échec du|échec de|erreur de|erreur lors du) (?:charger|chargement)\\b|\\bn'a pas pu être chargée?\\b"),
            regex("failed_to_load", "\\bno se (?:pudo|pudieron|puede|pueden|ha podido) cargar\\b|\\berror al cargar\\b"),
            regex("failed_to_load", "\\b(?:impossibile|non è stato possibile|non è possibile) caricare\\b|\\berrore (?:durante il|di|nel) caricamento\\b"),
            regex("failed_to_load", "\\b(?:não foi possível|nao foi possivel|impossível|falha ao|erro ao) carregar\\b"),
            regex("failed_to_load", "\\b(?:kan|kon|konden|kunnen) niet (?:worden )?geladen\\b|\\bladen (?:is )?mislukt\\b"),
            regex("failed_to_load", "\\bnie (?:udało się|można) (?:załadować|wczytać|pobrać)\\b|\\bbłąd (?:ładowania|wczytywania)\\b"),
            regex("failed_to_load", "\\b(?:kunde inte|gick inte att) (?:läsa in|laddas|ladda|hämta)\\b"),
            regex("failed_to_load", "\\byüklenemedi\\b|\\byükleme başarısız\\b"),
            regex("failed_to_load", "(?:読み込め|読み込みに失敗|読み込むことができ|ロードでき|ロードに失敗|取得でき|取得に失敗)(?:ません|ませんでした|しました|なかった)"
                    + "|(?:불러올|로드할|가져올) 수 없|불러오지 못|로드하지 못|(?:加载|載入|加載|读取|讀取)(?:失败|失敗|出错|出錯)|(?:无法|無法)(?:加载|載入|加載)"),

            regex("something_went_wrong", "\\bsomething went wrong\\b"),
            regex("something_went_wrong", "\\bsomething(?:'s| has| had| seems to have)? gone wrong\\b"),
            regex("something_went_wrong", "\\bsomething (?:unexpected|bad) (?:happened|went wrong)\\b"),
            regex("something_went_wrong", "\\bsomething (?:broke|is broken|isn't working|is not working|didn't go as planned)\\b"),
            regex("something_went_wrong", "\\betwas (?:ist|lief) (?:schief ?gelaufen|schief ?gegangen|schief)\\b"),
            regex("something_went_wrong", "\\bquelque chose (?:s'est mal passé|a mal tourné|n'a pas fonctionné)\\b"),
            regex("something_went_wrong", "\\balgo (?:salió|ha salido|fue|anduvo) mal\\b"),
            regex("something_went_wrong", "\\bqualcosa (?:è|e'|e) andat[oa] storto\\b|\\bqualcosa non ha funzionato\\b"),
            regex("something_went_wrong", "\\balgo (?:deu|correu|saiu) (?:errado|mal)\\b"),
            regex("something_went_wrong", "\\ber (?:is|ging) iets (?:mis|fout) ?(?:gegaan|gelopen)?\\b|\\biets (?:ging|is) (?:mis|fout)\\b"),
            regex("something_went_wrong", "\\bcoś poszło nie tak\\b"),
            regex("something_went_wrong", "\\bnågot (?:gick|har gått) (?:fel|snett)\\b"),
            regex("something_went_wrong", "\\bbir (?:şeyler|şey) ters gitti\\b"),
            regex("something_went_wrong", "(?:何らかの|何か)(?:問題|エラー)が(?:発生|起き)|(?:뭔가|무언가|무엇인가)(?:가)? 잘못(?:되었|됐)|出错了|出錯了|出了(?:点|一点|些)?问题|出了(?:點|一點|些)?問題"),
            regex("something_went_wrong", "حدث خطأ ما|حدث شيء خطأ"), // Arabic

            regex("unexpected_error", "\\bunexpected (?:[a-z]+ )?error\\b"),
            regex("unexpected_error", "\\bunerwarteter fehler\\b|\\berreur inattendue\\b|\\berror inesperado\\b|\\berrore imprevisto\\b|\\berro inesperado\\b|\\bbeklenmeyen bir hata\\b"),
            regex("unexpected_error", "予期(?:しない|せぬ)エラー|예기치 않은 오류|意外错误|意外錯誤"),

            regex("error_occurred", "\\b(?:an? )?(?:[a-z-]{2,20} ){0,2}error (?:has |had |was |is )?(?:occurr?ed|encountered)\\b"),
            regex("error_occurred", "\\b(?:server|service|we) (?:was|were|is|are) unable to process (?:the |your |this )?request\\b"),
            regex("error_occurred", "\\b(?:request|operation|action) resulted in an error\\b|\\ban error was encountered\\b|\\bwe (?:encountered|ran into|hit) (?:an? )?(?:unexpected )?(?:error|problem)\\b"),
            regex("error_occurred", "\\b(?:sorry|oops|whoops|uh oh|uh-oh)\\b[^a-z0-9]{0,4}(?:an? )?(?:unexpected |unknown |internal )?(?:error|problem) (?:has )?occurr?ed\\b"),
            regex("error_occurred", "\\bthere (?:was|has been) (?:a problem|an error|an issue|a technical problem)\\b"),
            regex("error_occurred", "\\bthere (?:seems|appears) to (?:be|have been) (?:an error|a problem|an issue)\\b"),
            regex("error_occurred", "\\ba problem occurred while processing\\b"),
            regex("error_occurred", "\\bthere has been an error processing your request\\b"),
            regex("error_occurred", "\\b(?:ist )?ein (?:[a-zäöüß]{3,20}(?:er|es) )?(?:fehler|problem) (?:ist )?aufgetreten\\b"),
            regex("error_occurred", "\\b(?:une|un) (?:erreur|problème|incident)(?: inattendue?| inconnue?| technique| interne)? (?:s'est produite?|est survenue?|a eu lieu)\\b"),
            regex("error_occurred", "\\b(?:se produjo|se ha producido|ha ocurrido|ocurrió|hubo) un (?:error|problema)\\b"),
            regex("error_occurred", "\\b(?:si è verificato|è stato riscontrato|c'è stato|si è presentato) un (?:errore|problema)\\b"),
            regex("error_occurred", "\\b(?:ocorreu|houve|aconteceu) (?:um|uma) (?:erro|problema|falha)\\b"),
            regex("error_occurred", "\\ber is een (?:onverwachte |onbekende |technische )?(?:fout|probleem|storing) (?:opgetreden|ontstaan)\\b"),
            regex("error_occurred", "\\bwystąpił (?:nieoczekiwany |nieznany |wewnętrzny )?(?:błąd|problem)\\b"),
            regex("error_occurred", "\\b(?:ett (?:oväntat |okänt )?fel (?:har )?(?:uppstått|inträffat|uppstod|inträffade)|det (?:uppstod|har uppstått) ett (?:oväntat )?(?:fel|problem))\\b"),
            regex("error_occurred", "\\bbir (?:hata|sorun) (?:oluştu|meydana geldi)\\b"),
            regex("error_occurred", "(?:問題|エラー|不具合|障害)が発生(?:しました|しています|いたしました)|(?:오류|문제|에러)가 (?:발생했|발생하였|생겼)|(?:发生|發生|出现|出現)(?:了)?(?:一个|一個)?(?:未知|意外|内部|內部)?(?:错误|錯誤)"),
            regex("error_occurred", "حدث خطأ"),

            regex("technical_difficulties", "\\btechnical (?:difficulties|difficulty|issues|problems)\\b"),
            regex("technical_difficulties", "\\bwe(?:'re| are|'ve been| have been| seem to be)(?: currently)? (?:having|experiencing|facing) "
                    + "(?:some )?(?:technical )?(?:trouble|difficulties|issues|problems)\\b"),
            regex("technical_difficulties", "\\b(?:is|are) (?:currently )?experiencing (?:an? )?(?:technical )?"
                    + "(?:difficulties|issues|problems|outage|service disruption)\\b"),
            regex("technical_difficulties", "\\btechnische(?:n)? (?:probleme|schwierigkeiten|störung)\\b|\\b(?:difficultés|problèmes) techniques\\b|\\bproblemas técnicos\\b|\\bproblemi tecnici\\b|\\bproblemas técnicos\\b|\\btechnische problemen\\b|\\bproblemy techniczne\\b|\\btekniska problem\\b|\\bteknik (?:bir )?(?:sorun|arıza)\\b"),

            regex("network_error", "\\bnetwork error\\b|\\bnetwork request failed\\b"),
            regex("network_error", "\\b(?:no|lost your|lost|check your) (?:internet |network )?connection\\b"),
            regex("network_error", "\\b(?:unable|failed|can't|cannot|couldn't|could not) (?:to )?connect(?: to (?:the )?(?:server|service|network|internet))?\\b"),
            regex("network_error", "\\bconnection (?:error|failed|lost|refused|reset)\\b"),

            regex("try_refreshing", "\\b(?:please )?try (?:refreshing|reloading)\\b"),
            regex("try_refreshing", "\\b(?:refresh|reload) (?:the|this) page (?:and|to) try again\\b|\\btry again by refreshing\\b"),

            regex("try_again_later", "\\btry again later\\b"),
            regex("try_again_later", "\\btry again in (?:a few|a couple of|a|some|\\d+) (?:minutes?|moments?|seconds?|hours?|while|bit)\\b"),
            regex("try_again_later", "\\bretry later\\b"),
            regex("try_again_later", "\\b(?:please )?come back (?:later|soon|in a (?:few|little) (?:minutes|while))\\b"),
            regex("try_again_later", "\\bcheck your (?:internet |network )?connection and try again\\b"),
            regex("try_again_later", "\\bversuch(?:e|en sie)? es (?:bitte )?(?:später|in (?:ein paar|einigen|wenigen) (?:minuten|augenblicken)) (?:noch (?:ein)?mal|erneut|wieder)\\b|\\bbitte später (?:noch (?:ein)?mal |erneut )?versuchen\\b"),
            regex("try_again_later", "\\bréessa?yez plus tard\\b|\\bréessayer plus tard\\b|\\bressayez plus tard\\b"),
            regex("try_again_later", "\\b(?:vuelve|vuelva|inténtalo|inténtelo|intenta|intente)(?: a intentarlo| de nuevo| nuevamente)? más tarde\\b"),
            regex("try_again_later", "\\b(?:riprova|riprovare|riprovi)(?: di nuovo)? (?:più tardi|tra (?:qualche|pochi) (?:minut[oi]|istant[ei]))\\b"),
            regex("try_again_later", "\\btente (?:novamente |de novo )?mais tarde\\b"),
            regex("try_again_later", "\\bprobeer het later (?:opnieuw|nog eens|nogmaals)\\b"),
            regex("try_again_later", "\\bspróbuj (?:ponownie )?później\\b|\\bspróbuj ponownie za (?:chwilę|kilka minut)\\b"),
            regex("try_again_later", "\\bförsök (?:igen )?senare\\b"),
            regex("try_again_later", "\\bdaha sonra (?:tekrar|yeniden) deneyin(?:iz)?\\b"),
            regex("try_again_later", "(?:しばらく(?:経って|たって|してから|時間をおいて)|後ほど|後で|時間をおいて)[^。]{0,10}(?:もう一度|再度)|(?:잠시 후|나중에) 다시 시도|(?:稍后|稍後)(?:再)?(?:重试|重試|再试|再試|尝试|嘗試)"),
            regex("try_again_later", "(?:يرجى|الرجاء|يُرجى) (?:إعادة )?المحاولة (?:مرة أخرى )?(?:لاحقا|لاحقاً|في وقت لاحق)"),

            // Inside an alert only (see Reading.ALERT_ONLY): a failure word in a notice no signature above names.
            // not "no errors", nor an announcement ("will be unavailable on Sunday"), nor an empty search ("couldn't find any products")
            regex(ALERT_ERROR, "(?<!\\bno )(?<!\\bwithout )(?<!\\b0 )(?<!\\bwill be )(?<!\\bmay be )(?<!\\bmight be )(?<!\\bcould be )\\b(?:error|errors|failed|failure|unable to|could not|couldn't|can't|cannot"
                    + "|went wrong|unavailable|not available|problem|oops|invalid|expired|no longer valid|fehler|fehlgeschlagen|erreur|échec|échoué|impossible de|errore|erro|falha|falhou"
                    + "|fout|mislukt|błąd|nie udało|nie można|misslyckades|kunde inte|hata|başarısız)\\b(?! (?:find|locate) (?:any|anything)\\b)"
                    + "|エラー|失敗|できません|오류|실패|错误|錯誤|失败|失敗|无法|無法|خطأ|فشل|تعذر"));

    private static final Set<String> IDS = collectIds();

    private Catalog() {}

    /** A built-in signature: a text, matched as {@link Signature.Text} is, or a regex written in lower case. */
    record Entry(String id, String phrase, boolean regex) {}

    /** The built-in signatures, in the order they are tried; several may share an id. */
    static List<Entry> builtIn() {
        return BUILT_IN;
    }

    /**
     * Every signature id the detector can report for the built-in catalog, in catalog order, including
     * {@link #JSON_ERROR}, {@link #GRAPHQL_ERROR} and {@link #XML_ERROR}: the agent creates their counters at zero up front.
     */
    public static Set<String> ids() {
        return IDS;
    }

    /** Is this id a product's own error page (a CDN's, a framework's), whose wording nobody uses for anything else? */
    static boolean isProductPage(String id) {
        return PRODUCT_PAGES.contains(id);
    }

    private static Set<String> collectIds() {
        Set<String> ids = new LinkedHashSet<>();
        BUILT_IN.forEach(e -> ids.add(e.id()));
        ids.add(JSON_ERROR);
        ids.add(GRAPHQL_ERROR);
        ids.add(XML_ERROR);
        return Collections.unmodifiableSet(ids);
    }

    private static Entry text(String id, String text) {
        return new Entry(id, text, false);
    }

    private static Entry regex(String id, String regex) {
        return new Entry(id, regex, true); // compiled when a page first could match it (SignatureMatcher)
    }
}
