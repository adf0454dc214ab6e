package org.consilium.console;

import java.util.Map;

import org.consilium.console.language.StaffLanguage;
import org.consilium.console.language.StaffWords;

import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The console's real templates rendered outside a web request, for the page tests. */
public final class TemplatePages {
    private static final SpringTemplateEngine ENGINE = engine();

    private TemplatePages() {
    }

    /** In English, as a browser with no other language gets the page. */
    public static String render(String template, Map<String, Object> model) {
        return render(template, model, StaffLanguage.EN);
    }

    /** In {@code language}: its words ({@code #{key}}, and {@code words} for what Java says) and its {@code <html lang>}. */
    public static String render(String template, Map<String, Object> model, StaffLanguage language) {
        Context context = new Context(language.locale());
        context.setVariables(model);
        if (!model.containsKey("words")) {
            context.setVariable("words", StaffWords.in(language));
        }
        return ENGINE.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        // the console's MessageSource: the staff bundles, as the application has it (language.StaffLanguageConfiguration)
        engine.setTemplateEngineMessageSource(StaffWords.bundles());
        // outside a web request: links are relative to the root, as the console serves them
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine;
    }
}
