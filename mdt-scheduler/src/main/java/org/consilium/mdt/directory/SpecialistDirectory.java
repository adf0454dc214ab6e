package org.consilium.mdt.directory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The specialists panels are composed from. Seeded from a data file at start-up, before any
 * consumer runs: each entry is upserted by id, so restarting is harmless. Entries removed from the
 * file stay in the store (panels refer to them).
 */
@Component
public class SpecialistDirectory implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SpecialistDirectory.class);

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper json;
    private final Validator validator;
    private final Resource seed;

    public SpecialistDirectory(ReactiveMongoTemplate mongo, ObjectMapper json, Validator validator,
                               @Value("${consilium.mdt.directory.seed}") Resource seed) {
        this.mongo = mongo;
        this.json = json;
        this.validator = validator;
        this.seed = seed;
    }

    @Override
    public void afterPropertiesSet() {
        List<Specialist> specialists = readSeed();
        Flux.fromIterable(specialists).concatMap(mongo::save).then().block(Duration.ofSeconds(60));
        log.info("directory seeded with {} specialists from {}", specialists.size(), seed);
    }

    public Flux<Specialist> all(String discipline) {
        Query query = discipline == null || discipline.isBlank() ? new Query()
                : Query.query(Criteria.where("discipline").is(discipline));
        return mongo.find(query.with(Sort.by("discipline", "name")), Specialist.class);
    }

    public reactor.core.publisher.Mono<Specialist> find(String id) {
        return mongo.findById(id, Specialist.class);
    }

    public Flux<Specialist> inDisciplines(Collection<String> disciplines) {
        return mongo.find(Query.query(Criteria.where("discipline").in(disciplines)), Specialist.class);
    }

    private List<Specialist> readSeed() {
        try (InputStream in = seed.getInputStream()) {
            List<Specialist> specialists = json.readValue(in, new TypeReference<List<Specialist>>() { });
            specialists.forEach(this::check);
            return specialists;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the specialist directory " + seed, e);
        }
    }

    private void check(Specialist specialist) {
        Set<ConstraintViolation<Specialist>> violations = validator.validate(specialist);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("directory entry " + specialist.id() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        if (!Disciplines.CODES.contains(specialist.discipline())) {
            throw new IllegalStateException("directory entry " + specialist.id() + " has unknown discipline "
                    + specialist.discipline());
        }
        ZoneId.of(specialist.timeZone());
    }
}
