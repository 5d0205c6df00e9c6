package com.forum.web.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.forum.web.problem.InvalidField;
import com.forum.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TextInputFilterTest {

	private final ProblemWriter problems = mock(ProblemWriter.class);

	private final TextInputFilter filter = new TextInputFilter(problems, JsonMapper.builder().build());

	/** The writer answers in English from the real bundle, as it does for a reader who asks for English. */
	@BeforeEach
	void speakEnglish() {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasenames("messages/problems");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		when(problems.text(any(), anyString(), any(Object[].class))).thenAnswer(call -> bundle
			.getMessage(call.getArgument(1), Arrays.copyOfRange(call.getArguments(), 2, call.getArguments().length),
					Locale.ENGLISH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "tab\there", "lines\r\nand\nmore", "emoji 😀", "中文", "" })
	void textPeopleTypeIsWelcome(String text) {
		assertThat(TextInputFilter.problem(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "bell\u0007", "escape\u001b[31m", "\u0001" })
	void controlCharactersAreRefused(String text) {
		assertThat(TextInputFilter.problem(text)).isEqualTo(TextInputFilter.CONTROL_CHARACTER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\ud800", "lonely \udc00 low", "high at the end \ud83d" })
	void unpairedSurrogatesAreRefusedAsTheyHaveNoUtf8Form(String text) {
		assertThat(TextInputFilter.problem(text)).isEqualTo(TextInputFilter.NOT_UTF_8);
	}

	@Test
	void aNulDeepInAJsonBodyIsRefusedNamingWhereItIs() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(json("{\"release\":{\"notes\":[\"fine\",\"bad\\u0000\"]}}"), new MockHttpServletResponse(), chain);

		assertThat(refused()).containsExactly(new InvalidField("release.notes[1]", TextInputFilter.CONTROL_CHARACTER));
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void jsonBytesThatAreNotUtf8AreRefusedNamingTheProperty() throws Exception {
		MockHttpServletRequest request = json("");
		request.setContent(new byte[] { '{', '"', 't', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}' });

		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(refused()).containsExactly(new InvalidField("t", TextInputFilter.NOT_UTF_8));
	}

	@Test
	void aControlCharacterInAParameterIsRefusedNamingTheParameter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/petitions");
		request.addParameter("tag", "dark\u0000mode");

		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(refused()).containsExactly(new InvalidField("tag", TextInputFilter.CONTROL_CHARACTER));
	}

	@Test
	void aCleanJsonBodyReachesTheApplicationWhole() throws Exception {
		String body = "{\"title\":\"Dark mode 😀\",\"tags\":[\"display\"]}";
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(json(body), new MockHttpServletResponse(), chain);

		verify(problems, never()).refuse(any(), any(), any(), anyString());
		byte[] passed = ((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes();
		assertThat(new String(passed, StandardCharsets.UTF_8)).isEqualTo(body);
	}

	@Test
	void aBodyThatIsNotJsonIsLeftForTheConverterToExplain() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(json("{\"title\": "), new MockHttpServletResponse(), chain);

		verify(problems, never()).refuse(any(), any(), any(), anyString());
		assertThat(chain.getRequest()).isNotNull();
	}

	private static MockHttpServletRequest json(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/threads");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	@SuppressWarnings("unchecked")
	private List<InvalidField> refused() throws Exception {
		ArgumentCaptor<ProblemDetail> problem = ArgumentCaptor.forClass(ProblemDetail.class);
		verify(problems).refuse(any(), any(), problem.capture(), anyString());
		assertThat(problem.getValue().getType().toString()).isEqualTo("/problems/validation");
		return (List<InvalidField>) problem.getValue().getProperties().get("errors");
	}
}
