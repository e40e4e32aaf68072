package io.hookseal.spring;

import io.hookseal.Verified;
import io.hookseal.Verifier;
import io.hookseal.ReceiveContract;
import io.hookseal.servlet.HooksealFilter;
import io.hookseal.servlet.SecretsResolver;
import io.hookseal.store.Store;
import java.time.Duration;
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
import org.springframework.util.ClassUtils;
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
            String scheme = endpoint.getScheme() != null ? endpoint.getScheme() : name;
            org.springframework.beans.factory.ListableBeanFactory beans =
                    registry instanceof org.springframework.beans.factory.ListableBeanFactory f ? f : null;
            HooksealProperties.Tenant tenant = endpoint.getTenant();
            HooksealFilter.Builder builder;
            if (tenant == null) {
                Verifier verifier = Verifier.builder(scheme)
                        .secrets(endpoint.getSecrets())
                        .options(endpoint.getOptions())
                        .build();
                builder = HooksealFilter.builder(verifier);
            } else {
                builder = HooksealFilter.builder(scheme, tenantFunction(name, tenant), resolver(name, tenant, beans))
                        .options(endpoint.getOptions())
                        .tenantCache(
                                tenant.getCacheMax() != null ? tenant.getCacheMax() : (int) ReceiveContract.TENANT_CACHE_MAX,
                                tenant.getCacheTtl() != null ? tenant.getCacheTtl()
                                        : Duration.ofSeconds(ReceiveContract.TENANT_CACHE_TTL_SECONDS));
            }
            if (endpoint.isDeduplicate() && beans != null) {
                ObjectProvider<Store> stores = beans.getBeanProvider(Store.class);
                builder.store(stores.getIfAvailable());
            }
            if (endpoint.getExplain() != null) builder.explain(endpoint.getExplain());
            if (beans != null && ClassUtils.isPresent("io.opentelemetry.api.OpenTelemetry", getClass().getClassLoader())) {
                Otel.meter(beans, builder);
            }
            FilterRegistrationBean<HooksealFilter> bean = new FilterRegistrationBean<>(builder.build());
            bean.setName("hookseal." + name);
            bean.addUrlPatterns(endpoint.getPath());
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return bean;
        }
    }

    private static java.util.function.Function<jakarta.servlet.http.HttpServletRequest, String> tenantFunction(
            String name, HooksealProperties.Tenant tenant) {
        if (tenant.getHeader() != null && tenant.isFromPath()) {
            throw new IllegalStateException("hookseal.endpoints." + name + ".tenant: header or from-path, not both");
        }
        if (tenant.getHeader() != null) return HooksealFilter.tenantFromHeader(tenant.getHeader());
        if (tenant.isFromPath()) return HooksealFilter.tenantFromPath();
        throw new IllegalStateException("hookseal.endpoints." + name + ".tenant: set header or from-path");
    }

    private static SecretsResolver resolver(String name, HooksealProperties.Tenant tenant,
            org.springframework.beans.factory.ListableBeanFactory beans) {
        if (beans == null) throw new IllegalStateException("hookseal.endpoints." + name + ".tenant: no bean factory");
        if (tenant.getSecretsResolver() != null) return beans.getBean(tenant.getSecretsResolver(), SecretsResolver.class);
        SecretsResolver only = beans.getBeanProvider(SecretsResolver.class).getIfUnique();
        if (only == null) {
            throw new IllegalStateException("hookseal.endpoints." + name
                    + ".tenant needs one SecretsResolver bean (or .tenant.secrets-resolver naming one)");
        }
        return only;
    }

    /** Loaded only when the OpenTelemetry API is on the classpath. */
    private static final class Otel {
        static void meter(org.springframework.beans.factory.ListableBeanFactory beans, HooksealFilter.Builder builder) {
            io.opentelemetry.api.OpenTelemetry otel =
                    beans.getBeanProvider(io.opentelemetry.api.OpenTelemetry.class).getIfAvailable();
            if (otel != null) builder.meter(otel.getMeter(ReceiveContract.METER));
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
