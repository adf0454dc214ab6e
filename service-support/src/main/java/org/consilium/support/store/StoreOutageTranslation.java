package org.consilium.support.store;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

/**
 * Gives the store's database factory the {@link StoreOutageTranslator}: every {@code ReactiveMongoTemplate} takes
 * its translator from the factory when it is made, and every repository goes through a template.
 */
public class StoreOutageTranslation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SimpleReactiveMongoDatabaseFactory factory) {
            factory.setExceptionTranslator(new StoreOutageTranslator());
        }
        return bean;
    }
}
