package io.lifeboat.support.secrets;

import io.lifeboat.contracts.SecretSealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that seals service credentials, shared by the gateway and the workers. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    @Bean
    SecretSealer secretSealer(@Value("${lifeboat.secrets.key:}") String key) {
        return SecretSealer.fromBase64(key);
    }
}
