package com.forum.localservices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar a company deploys holds the application only: none of the local services, their PostgreSQL
 * and Redis binaries, or the profiles that switch them on. Reads the repackaged jar itself (failsafe
 * runs this after the package phase and names the jar in {@code forum.jar}).
 */
class ProductionJarIT {

	private static final Path JAR = Path.of(Objects.requireNonNull(System.getProperty("forum.jar"),
			"forum.jar, the path of the repackaged jar, is set by failsafe in forum-web/pom.xml"));

	private static final Set<String> LOCAL_RESOURCES = Set.of("BOOT-INF/classes/forum-local-services.properties",
			"BOOT-INF/classes/config/application-local.yml", "BOOT-INF/classes/config/application-test.yml");

	@Test
	void holdsTheApplication() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo("com.forum.ForumApplication");
			assertThat(names(jar)).contains("BOOT-INF/classes/com/forum/ForumApplication.class",
					"BOOT-INF/classes/config/application.yml", "BOOT-INF/classes/config/application-prod.yml");
		}
	}

	@Test
	void holdsNoLocalServices() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			assertThat(names(jar)).filteredOn(ProductionJarIT::belongsToTheLocalServices).isEmpty();
		}
	}

	private static boolean belongsToTheLocalServices(String name) {
		return name.contains("com/forum/localservices/") || name.matches("BOOT-INF/lib/embedded-(postgres|redis).*")
				|| LOCAL_RESOURCES.contains(name);
	}

	private static List<String> names(JarFile jar) {
		return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
	}
}
