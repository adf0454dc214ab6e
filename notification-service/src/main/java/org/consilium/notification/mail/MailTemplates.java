package org.consilium.notification.mail;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The email templates, one folder per language: {@code <lang>/<name>.subject.txt},
 * {@code <lang>/<name>.txt} (plain text) and {@code <lang>/<name>.html}. Adding a language is
 * adding a folder with these files; a language without all three files for a template is skipped
 * for it, down to the fallback language.
 */
@Component
public class MailTemplates {
    private static final List<String> FILES = List.of(".subject.txt", ".txt", ".html");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,8}(-[a-z0-9]{1,8})*");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ApplicationContext resources;
    private final MailSettings settings;
    private final Map<String, String> chosenLanguages = new ConcurrentHashMap<>();

    public MailTemplates(ApplicationContext resources, MailSettings settings) {
        this.resources = resources;
        this.settings = settings;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private SpringResourceTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(resources);
        resolver.setPrefix(settings.templates());
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The language the template will be written in: the requested one, its base language, else the fallback. */
    public String languageFor(String template, String requestedLanguage) {
        return chosenLanguages.computeIfAbsent(template + "|" + requestedLanguage, key ->
                candidates(requestedLanguage, settings.fallbackLanguage()).stream()
                        .filter(language -> complete(template, language))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("template " + template + " exists neither in "
                                + requestedLanguage + " nor in " + settings.fallbackLanguage())));
    }

    /** Renders subject and both bodies in {@code language} (as chosen by {@link #languageFor}). */
    public RenderedMail render(String template, String language, Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag(language), variables);
        String base = language + "/" + template;
        String subject = engine.process(base + ".subject.txt", context).strip().replaceAll("\\s+", " ");
        return new RenderedMail(language, subject, engine.process(base + ".txt", context),
                engine.process(base + ".html", context));
    }

    /** {@code pt-BR} → {@code pt-br}, {@code pt}, then the fallback; anything that is not a language tag is ignored. */
    public static List<String> candidates(String requestedLanguage, String fallback) {
        List<String> candidates = new ArrayList<>();
        String tag = requestedLanguage == null ? "" : requestedLanguage.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (LANGUAGE_TAG.matcher(tag).matches()) {
            for (String t = tag; !t.isEmpty(); t = t.contains("-") ? t.substring(0, t.lastIndexOf('-')) : "") {
                candidates.add(t);
            }
        }
        if (!candidates.contains(fallback)) {
            candidates.add(fallback);
        }
        return candidates;
    }

    private boolean complete(String template, String language) {
        return FILES.stream().map(suffix -> settings.templates() + language + "/" + template + suffix)
                .allMatch(location -> resources.getResource(location).exists());
    }
}
