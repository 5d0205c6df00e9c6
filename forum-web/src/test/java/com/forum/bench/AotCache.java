package com.forum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deployable jar as a deployment that cares for its start-up runs it: extracted into plain jars (Spring
 * Boot's {@code -Djarmode=tools extract}), and started with the JVM's ahead-of-time cache (JEP 483, 514, 515),
 * which holds the application's classes already loaded and linked and the methods' profiles of a training
 * run. Without it, two thirds of a cold start on two cores went to loading, verifying and interpreting some
 * 25,000 classes for the first time (docs/PERFORMANCE.md, "Cold start").
 * <p>
 * The cache belongs to one jar, one JDK and one set of JVM options, so it lives in a directory named after
 * all three, under {@code .forum/bench/app/}; a new build gets a new directory and the old one is deleted.
 */
final class AotCache {

	private final Path dir;

	private AotCache(Path dir) {
		this.dir = dir;
	}

	/** The directory for this jar, JDK and JVM options (not yet extracted or trained). */
	static AotCache of(Path root, Path jar, List<String> jvmOptions) {
		return new AotCache(root.toAbsolutePath().resolve(key(jar, jvmOptions)));
	}

	/** The extracted application jar to start with {@code -jar}; extracts it (a couple of seconds) if needed. */
	Path extractedJar(Path jar) throws IOException, InterruptedException {
		Path extracted = dir.resolve("application").resolve(jar.getFileName());
		if (Files.exists(dir.resolve("extracted"))) {
			return extracted;
		}
		deleteSiblings();
		deleteRecursively(dir);
		Files.createDirectories(dir);
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
				"extract", "--destination", dir.resolve("application").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("extract.log").toFile()))
			.start();
		if (extract.waitFor() != 0 || !Files.exists(extracted)) {
			throw new IllegalStateException("Could not extract " + jar + "; see " + dir.resolve("extract.log"));
		}
		Files.createFile(dir.resolve("extracted"));
		return extracted;
	}

	/** The cache file; it exists once a training run has ended well. */
	Path file() {
		return dir.resolve("app.aot");
	}

	boolean trained() {
		return Files.exists(file());
	}

	/** Options for the training run: the JVM writes the cache (next to the final one) as it exits. */
	List<String> trainingOptions() {
		return List.of("-XX:AOTCacheOutput=" + unfinished());
	}

	/** Options for every later start. */
	List<String> useOptions() {
		return List.of("-XX:AOTCache=" + file());
	}

	/**
	 * After the training run has exited: the JVM wrote the cache on its way out (assembling it in a child JVM),
	 * so a file is there only if that finished; moving it into place makes a half-written one impossible to use.
	 */
	boolean finishTraining() throws IOException {
		if (!Files.exists(unfinished())) {
			return false;
		}
		Files.move(unfinished(), file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return true;
	}

	Path dir() {
		return dir;
	}

	private Path unfinished() {
		return dir.resolve("app.aot.unfinished");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The jar's content (not its date: a rebuild of the same sources keeps its cache), the JDK and the options. */
	private static String key(Path jar, List<String> jvmOptions) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
			MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
			in.transferTo(OutputStream.nullOutputStream());
			digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
			digest.update(String.join(" ", jvmOptions).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + jar, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Caches of earlier builds: a few hundred megabytes each, of no use any more. */
	private void deleteSiblings() throws IOException {
		if (!Files.isDirectory(dir.getParent())) {
			return;
		}
		List<Path> others = new ArrayList<>();
		try (Stream<Path> children = Files.list(dir.getParent())) {
			children.filter(child -> !child.equals(dir)).forEach(others::add);
		}
		for (Path other : others) {
			deleteRecursively(other);
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> all = Files.walk(path)) {
			for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}
}
