package io.hookseal.spring;

import io.hookseal.Verified;
import io.hookseal.Verifier;
import io.hookseal.servlet.HooksealFilter;
import io.hookseal.store.Store;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One {@link HooksealFilter} per {@code hookseal.endpoints.<name>}, registered on its
 * path, and {@link Verified} as an argument of any handler method behind one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HooksealAutoConfiguration {

    /** Registers the endpoints' filters as beans, from the bound properties. */
    @Bean
    static BeanDefinitionRegistryPostProcessor hooksealEndpoints() {
        return new EndpointRegistrar();
    }

    /** {@code Verified delivery} as a handler method argument. */
    @Bean
    WebMvcConfigurer hooksealArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new VerifiedArgument());
            }
        };
    }

    static final class EndpointRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
        private Environment environment;

        @Override public void setEnvironment(Environment environment) { this.environment = environment; }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            HooksealProperties props = Binder.get(environment)
                    .bind("hookseal", HooksealProperties.class).orElseGet(HooksealProperties::new);
            props.getEndpoints().forEach((name, endpoint) -> {
                registry.registerBeanDefinition("hookseal." + name, new RootBeanDefinition(
                        FilterRegistrationBean.class, () -> registration(name, endpoint, registry)));
            });
        }

        private FilterRegistrationBean<HooksealFilter> registration(
                String name, HooksealProperties.Endpoint endpoint, BeanDefinitionRegistry registry) {
            if (endpoint.getPath() == null) {
                throw new IllegalStateException("hookseal.endpoints." + name + ".path is not set");
            }
            Verifier verifier = Verifier.builder(endpoint.getScheme() != null ? endpoint.getScheme() : name)
                    .secrets(endpoint.getSecrets())
                    .options(endpoint.getOptions())
                    .build();
            Store store = null;
            if (endpoint.isDeduplicate() && registry instanceof org.springframework.beans.factory.ListableBeanFactory f) {
                ObjectProvider<Store> stores = f.getBeanProvider(Store.class);
                store = stores.getIfAvailable();
            }
            FilterRegistrationBean<HooksealFilter> bean = new FilterRegistrationBean<>(new HooksealFilter(verifier, store));
            bean.setName("hookseal." + name);
            bean.addUrlPatterns(endpoint.getPath());
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return bean;
        }
    }

    static final class VerifiedArgument implements HandlerMethodArgumentResolver {
        @Override public boolean supportsParameter(MethodParameter parameter) {
            return Verified.class.equals(parameter.getParameterType());
        }

        @Override public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                NativeWebRequest request, WebDataBinderFactory binders) {
            Object v = request.getAttribute(HooksealFilter.VERIFIED, RequestAttributes.SCOPE_REQUEST);
            if (v == null) throw new IllegalStateException("no hookseal endpoint covers this handler's path");
            return v;
        }
    }
}
