package io.lifeboat.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The OpenAPI document served at {@code /v3/api-docs} and committed as {@code docs/openapi.yaml}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    /** Operation ids from the controller and method, such as {@code backupList}: stable and unique. */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            String method = handler.getMethod().getName();
            return operation.operationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        };
    }

    @Bean
    OpenAPI lifeboatApi() {
        return new OpenAPI()
                .info(new Info().title("Lifeboat API").version("1")
                        .description("Backups and restores of PaaS environments. Every endpoint except health and "
                                + "this document needs Authorization: Bearer <token>. Errors are "
                                + "application/problem+json; validation errors name the field.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this gateway")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
