package dev.daprspring.data.repository;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import dev.daprspring.data.core.DaprKeyValueTemplate;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.AbstractRepositoryMetadata;
import org.springframework.util.Assert;

/**
 * Creates a Dapr repository with spring-data-keyvalue's repository factory on the template of
 * the store its {@link DaprStateRepository} names.
 */
public class DaprRepositoryFactoryBean<T extends Repository<S, ID>, S, ID extends Serializable>
		extends KeyValueRepositoryFactoryBean<T, S, ID> {

	private final Class<? extends T> repositoryInterface;

	private @Nullable DaprRepositoryTemplates templates;

	public DaprRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
		this.repositoryInterface = repositoryInterface;
	}

	/** The templates of the state stores. */
	public void setTemplates(DaprRepositoryTemplates templates) {
		this.templates = templates;
	}

	@Override
	public void afterPropertiesSet() {
		Assert.state(this.templates != null, "DaprRepositoryTemplates not set");
		DaprStateRepository annotation = AnnotatedElementUtils.findMergedAnnotation(this.repositoryInterface,
				DaprStateRepository.class);
		String store = (annotation != null && !annotation.store().isEmpty()) ? annotation.store()
				: this.templates.defaultStore();
		if (annotation != null && !annotation.keyspace().isEmpty()) {
			Class<?> domainType = AbstractRepositoryMetadata.getMetadata(this.repositoryInterface).getDomainType();
			this.templates.mappingContext().registerKeyspace(domainType, annotation.keyspace());
		}
		DaprKeyValueTemplate template = this.templates.templateFor(store, this.repositoryInterface.getName());
		setKeyValueOperations(template);
		setMappingContext(this.templates.mappingContext());
		setQueryCreator(DaprQueryCreator.class);
		setQueryType(DaprPartTreeQuery.class);
		super.afterPropertiesSet();
	}

}
