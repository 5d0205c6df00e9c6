package com.forum.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API as a whole in the OpenAPI document, including how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI forumApi() {
		return new OpenAPI()
			.info(new Info().title("Forum API")
				.version("v1")
				.description("Threads, petitions, triage, releases, search and notifications. Exchange a username "
						+ "and password at POST /api/v1/auth/tokens for a bearer token. Every error is an RFC 9457 "
						+ "problem detail with a stable type; lists share one shape (items, page, size, totalItems, "
						+ "totalPages)."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
